import type { LikeSnapshot } from './post-types';

const dayMs = 86_400_000;

/**
 * The like count a post is labeled with (FORMATS.md, the study): the first snapshot captured at least
 * `minDays` days after posting. Never silently the earliest: a post with no such snapshot has none (null).
 * Snapshots with unknown capture time, or posts with unknown post time, never qualify.
 */
export function labeledSnapshot(
  postedAt: string | null,
  snapshots: readonly LikeSnapshot[],
  minDays: number,
): LikeSnapshot | null {
  if (!postedAt) return null;
  const posted = Date.parse(postedAt);
  if (Number.isNaN(posted)) return null;
  let best: LikeSnapshot | null = null;
  let bestTime = Infinity;
  for (const snapshot of snapshots) {
    if (!snapshot.capturedAt) continue;
    const captured = Date.parse(snapshot.capturedAt);
    if (Number.isNaN(captured) || captured - posted < minDays * dayMs) continue;
    if (captured < bestTime) {
      best = snapshot;
      bestTime = captured;
    }
  }
  return best;
}

/** Age of the post when a snapshot was captured, in days (null when either time is unknown). */
export function ageAtCaptureDays(postedAt: string | null, capturedAt: string | null): number | null {
  if (!postedAt || !capturedAt) return null;
  const age = (Date.parse(capturedAt) - Date.parse(postedAt)) / dayMs;
  return Number.isFinite(age) ? age : null;
}

/** Orders snapshots by capture time, unknown times last (stable). */
export function sortSnapshots(snapshots: LikeSnapshot[]): LikeSnapshot[] {
  const time = (s: LikeSnapshot) => (s.capturedAt ? Date.parse(s.capturedAt) : Infinity);
  return snapshots
    .map((snapshot, order) => ({ snapshot, order }))
    .sort((a, b) => time(a.snapshot) - time(b.snapshot) || a.order - b.order)
    .map((entry) => entry.snapshot);
}
