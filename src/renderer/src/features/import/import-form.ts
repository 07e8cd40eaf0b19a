/** The import form's values, and how they become the import job's parameters (src/shared/posts/import-report.ts). */
export type ImportFormat = 'auto' | 'instaloader' | 'csv' | 'jsonl';

export interface ImportFormValues {
  /** One path per line. */
  paths: string;
  format: ImportFormat;
  /** A datetime-local value ("2024-03-05T14:07"), in the viewer's time zone; empty when unused. */
  capturedAt: string;
  followersFile: string;
  target: string;
  downloadImages: boolean;
}

export const emptyImportForm: ImportFormValues = {
  paths: '',
  format: 'auto',
  capturedAt: '',
  followersFile: '',
  target: '',
  downloadImages: true,
};

export interface ImportJobParams {
  paths: string[];
  format: ImportFormat;
  capturedAt?: string;
  followersFile?: string;
  target?: string;
  downloadImages: boolean;
}

export const formatLabels: Record<ImportFormat, string> = {
  auto: 'Detect (folder = Instaloader, .csv, .jsonl)',
  instaloader: 'Instaloader download folder',
  csv: 'CSV manifest',
  jsonl: 'JSONL manifest',
};

/** Non-empty lines, trimmed, without repeats. */
export function parsePaths(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))];
}

/** Adds paths (from a picker or a drop) to the text, one per line, skipping ones already there. */
export function appendPaths(text: string, added: readonly string[]): string {
  return parsePaths([text, ...added].join('\n')).join('\n');
}

/** The job's params; an invalid captured-at time is an error the form shows before anything starts. */
export function toImportParams(values: ImportFormValues): ImportJobParams {
  const params: ImportJobParams = { paths: parsePaths(values.paths), format: values.format, downloadImages: values.downloadImages };
  if (values.capturedAt.trim()) {
    const time = new Date(values.capturedAt);
    if (Number.isNaN(time.getTime())) throw new Error(`"${values.capturedAt}" is not a date and time.`);
    params.capturedAt = time.toISOString();
  }
  if (values.followersFile.trim()) params.followersFile = values.followersFile.trim();
  if (values.target.trim()) params.target = values.target.trim();
  return params;
}
