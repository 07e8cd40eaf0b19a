import { setTimeout as delay } from 'node:timers/promises';
import { AppFailure } from '../../../../shared/result';

/** Waits `ms`, or throws AppFailure CANCELLED as soon as the signal aborts. */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) throw new AppFailure('CANCELLED', 'Cancelled.');
  if (ms <= 0) return;
  try {
    await delay(ms, undefined, signal ? { signal } : {});
  } catch (error) {
    if (signal?.aborted) throw new AppFailure('CANCELLED', 'Cancelled.');
    throw error;
  }
}

/**
 * A per-host rate limit by spacing: request starts to one host are at least 1/perSecond apart. Each caller
 * reserves the next free slot before it sleeps, so concurrent workers queue fairly instead of bursting.
 */
export class HostSpacing {
  private readonly nextFree = new Map<string, number>();

  constructor(private readonly perSecond: number) {}

  async wait(url: URL, signal?: AbortSignal): Promise<void> {
    if (!(this.perSecond > 0)) return;
    const interval = 1000 / this.perSecond;
    const now = performance.now();
    const at = Math.max(now, this.nextFree.get(url.host) ?? 0);
    this.nextFree.set(url.host, at + interval);
    await sleep(at - now, signal);
  }
}
