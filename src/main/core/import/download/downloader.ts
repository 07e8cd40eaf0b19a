import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { AppFailure } from '../../../../shared/result';
import { attemptDownload, isDownloadableUrl, type AttemptContext } from './http-attempt';
import { HostSpacing, sleep } from './host-spacing';
import { imageFileState } from './image-bytes';

/**
 * Downloads the images of URL-only posts (manifests with http(s) image columns), politely and resumably:
 * - bounded concurrency, a per-host rate limit, retries with exponential backoff and jitter on 429, 5xx,
 *   timeouts, truncated bodies and network errors (never on other 4xx), honouring Retry-After (capped);
 * - only real images are kept: the content type must be JPEG/PNG/WebP/GIF (or say nothing, e.g.
 *   application/octet-stream) AND the body's magic bytes must be one of those; bodies must be complete
 *   (Content-Length reached, and the format's end marker present; see isCompleteImage);
 * - writes go to `dest.part` and are renamed into place, so `dest` is always absent or a whole image; a
 *   complete image already at `dest` is not fetched again (resume), a leftover `.part` is discarded.
 * Cancellation (signal) stops all requests, removes their part files and rejects with AppFailure CANCELLED;
 * outcomes already reported through onProgress stand, and files already renamed into place stay.
 */

export interface DownloadItem {
  url: string;
  /** Absolute file path to write. */
  dest: string;
  key?: string;
}

export interface DownloadOptions {
  /** Simultaneous downloads; default 4. */
  concurrency?: number;
  /** Per request, from sending it to the last body byte; default 30 s. A stalled body times out. */
  timeoutMs?: number;
  /** Retries after the first attempt; default 3. */
  retries?: number;
  /** Base of the exponential backoff (attempt n waits about base * 2^(n-1), half of it random); default 500. */
  backoffMs?: number;
  /** Longest wait taken from a Retry-After header (or backoff); default 60 s. */
  maxRetryAfterMs?: number;
  /** Request starts per second per host (redirects and retries count); default 2; 0 = unlimited. */
  perHostPerSecond?: number;
  /** Default 20 MB; larger by Content-Length or while streaming -> failed 'too large'. */
  maxBytes?: number;
  signal?: AbortSignal;
  onProgress?(done: number, total: number, item: DownloadItem, outcome: DownloadOutcome): void;
}

export type DownloadOutcome =
  | { status: 'downloaded'; bytes: number; contentType: string }
  | { status: 'already-present' }
  | { status: 'failed'; reason: string; httpStatus?: number; attempts: number };

export const userAgent = 'SelfieLab/0.1 (research)';
const maxRedirects = 5;

export async function downloadAll(items: DownloadItem[], options: DownloadOptions = {}): Promise<Map<DownloadItem, DownloadOutcome>> {
  const concurrency = positiveInteger('concurrency', options.concurrency ?? 4);
  const retries = nonNegativeInteger('retries', options.retries ?? 3);
  const backoffMs = options.backoffMs ?? 500;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const { signal } = options;
  const spacing = new HostSpacing(options.perHostPerSecond ?? 2);
  const context: AttemptContext = {
    timeoutMs: options.timeoutMs ?? 30_000,
    maxBytes: options.maxBytes ?? 20 * 1024 * 1024,
    maxRedirects,
    userAgent,
    beforeRequest: (url) => spacing.wait(url, signal),
    ...(signal ? { signal } : {}),
  };

  async function downloadOne(item: DownloadItem): Promise<DownloadOutcome> {
    const url = isDownloadableUrl(item.url);
    if (!url) return { status: 'failed', reason: 'unsupported URL', attempts: 0 };
    const dest = resolve(item.dest);
    const part = `${dest}.part`;
    try {
      await rm(part, { force: true }); // a leftover of an interrupted run
      if ((await imageFileState(dest)) === 'complete') return { status: 'already-present' };
      await mkdir(dirname(dest), { recursive: true });
    } catch (error) {
      return { status: 'failed', reason: `cannot write ${dest}: ${(error as Error).message}`, attempts: 0 };
    }
    let attempts = 0;
    try {
      for (;;) {
        attempts++;
        const result = await attemptDownload(url, part, context);
        if (result.ok) {
          await rename(part, dest);
          return { status: 'downloaded', bytes: result.bytes, contentType: result.contentType };
        }
        await rm(part, { force: true });
        if (!result.retryable || attempts > retries) {
          const failed: DownloadOutcome = { status: 'failed', reason: result.reason, attempts };
          if (result.httpStatus !== undefined) failed.httpStatus = result.httpStatus;
          return failed;
        }
        const backoff = backoffMs * 2 ** (attempts - 1);
        const wait = result.retryAfterMs ?? backoff / 2 + (Math.random() * backoff) / 2;
        await sleep(Math.min(wait, maxRetryAfterMs), signal);
      }
    } catch (error) {
      await rm(part, { force: true });
      if (error instanceof AppFailure) throw error;
      return { status: 'failed', reason: `cannot write ${dest}: ${(error as Error).message}`, attempts };
    }
  }

  // Two items with the same destination share one download instead of racing on one part file.
  const byDest = new Map<string, Promise<DownloadOutcome>>();
  const results = new Map<DownloadItem, DownloadOutcome>();
  let next = 0;
  let done = 0;

  let stopped = false;

  async function worker(): Promise<void> {
    try {
      while (next < items.length && !stopped) {
        if (signal?.aborted) throw new AppFailure('CANCELLED', 'Cancelled.');
        const item = items[next++]!;
        const key = resolve(item.dest);
        let pending = byDest.get(key);
        if (!pending) {
          pending = downloadOne(item);
          byDest.set(key, pending);
        }
        const outcome = await pending;
        results.set(item, outcome);
        options.onProgress?.(++done, items.length, item, outcome);
      }
    } catch (error) {
      stopped = true; // the others finish their current item and stop
      throw error;
    }
  }

  const settled = await Promise.allSettled(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (signal?.aborted) throw new AppFailure('CANCELLED', 'Cancelled.');
  const rejected = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (rejected) throw rejected.reason;
  return results;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new AppFailure('INVALID_INPUT', `${name} must be a whole number of at least 1 (got ${value}).`);
  return value;
}

function nonNegativeInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new AppFailure('INVALID_INPUT', `${name} must be a whole number of 0 or more (got ${value}).`);
  return value;
}
