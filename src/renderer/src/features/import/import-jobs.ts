import type { JobRecord } from '../../../../shared/jobs/job-types';

/**
 * Imports started from this window whose image analysis is still to be started ('waiting') or being started. Module-
 * level, so leaving the Dataset page while an import runs does not lose it: the analysis starts when the page sees
 * the import succeed.
 */
export const pendingAnalysis = new Map<string, 'waiting' | 'starting'>();

const storageKey = (projectDir: string) => `selfie-lab.dismissed-import-report:${projectDir}`;

/** The id of the import whose report the user dismissed in this project, if any. */
export function dismissedReport(projectDir: string): string | null {
  try {
    return window.localStorage.getItem(storageKey(projectDir));
  } catch {
    return null; // storage disabled: a dismissed report may come back after a reload, nothing worse
  }
}

export function rememberDismissed(projectDir: string, importId: string): void {
  try {
    window.localStorage.setItem(storageKey(projectDir), importId);
  } catch {
    // see dismissedReport
  }
}

/** The newest import (unless it is the dismissed one) and the newest image analysis created after it. */
export function latestImport(jobs: readonly JobRecord[], dismissedId: string | null): { importJob: JobRecord | null; analysisJob: JobRecord | null } {
  const newestFirst = [...jobs].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const importJob = newestFirst.find((job) => job.kind === 'import') ?? null;
  if (!importJob || importJob.id === dismissedId) return { importJob: null, analysisJob: null };
  const analysisJob = newestFirst.find((job) => job.kind === 'images.analyze' && job.createdAt >= importJob.createdAt) ?? null;
  return { importJob, analysisJob };
}
