import { z } from 'zod';
import type { ImportProblem, ImportProblemCode } from './imported-post';

const isoTime = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not an ISO 8601 time');

/** Parameters of an import job (`selfie-lab import`, the Dataset page's import form). */
export const importParams = z.strictObject({
  /** Instaloader download folders, CSV or JSONL manifests. Several paths of one target are snapshots (day 0, day 7). */
  paths: z.array(z.string().trim().min(1)).min(1, 'give at least one folder or manifest'),
  format: z.enum(['auto', 'instaloader', 'csv', 'jsonl']).default('auto'),
  /** Capture time of every snapshot in these paths (when file mtimes are unreliable). */
  capturedAt: isoTime.optional(),
  /** A CSV with owner_id or owner_name, and followers. */
  followersFile: z.string().trim().min(1).optional(),
  /** What the paths collected (default: the Instaloader target folder's name, or the manifest's file stem). */
  target: z.string().trim().min(1).max(200).optional(),
  /** Fetch http(s) image URLs of manifests into the project's images/ folder. */
  downloadImages: z.boolean().default(true),
});
export type ImportParams = z.output<typeof importParams>;

export interface ImportCounts {
  /** New posts. */
  imported: number;
  /** Known posts that gained a snapshot or a missing field. */
  updated: number;
  /** Observations identical to what the project had (e.g. the same folder imported again). */
  unchanged: number;
  /** Files passed over on purpose (profile pictures, resume files, ...). */
  skipped: number;
  /** Rows or files that could not be read. */
  failed: number;
}

export interface ImportReport {
  paths: Array<{ path: string; format: 'instaloader' | 'csv' | 'jsonl'; target: string; collection: number; observations: number }>;
  counts: ImportCounts;
  skippedByReason: Record<string, number>;
  problemsByCode: Partial<Record<ImportProblemCode, number>>;
  /** The first problems, each naming its file and line. */
  problems: ImportProblem[];
  problemsTruncated: number;
  followers: { filled: number; missing: number; missingExamples: Array<{ id: string; ownerId: string | null; ownerName: string | null }> };
  deleted: number;
  downloads: { downloaded: number; alreadyPresent: number; failed: number };
  totalPosts: number;
  elapsedSeconds: number;
}
