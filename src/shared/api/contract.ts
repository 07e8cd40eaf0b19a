/**
 * The one API contract. Every transport (Electron IPC, browser-mode HTTP/WebSocket, in-memory for tests)
 * carries exactly these methods and events; inputs are validated with these schemas at the receiving end.
 *
 * Adding an endpoint = one entry here + one handler in src/main/core/api/handlers.ts + the UI that calls it.
 */
import { z } from 'zod';
import type { BackendInfo } from '../ml/backend';
import type { JobRecord } from '../jobs/job-types';
import type { ProjectSummary, RecentProject } from '../project/project-types';
import type { PostColumnsPayload, PostDetail, PostRow, PostsSummary } from '../posts/post-views';
import { eventNameList, methodNameList, type EventName, type MethodName } from './names';

export { isEventName, isMethodName, type EventName, type MethodName } from './names';

/** Declares a method: the input schema is real (validated at runtime), the output type is compile-time only. */
function method<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

/** Declares a push event carrying a payload of type P. */
function event<Payload>() {
  return { payload: undefined as unknown as Payload };
}

const noInput = z.strictObject({}).optional();
const folderPath = z.string().trim().min(1, 'a folder path is required').max(4096);
const jobId = z.string().regex(/^[a-z0-9-]{6,64}$/, 'not a job id');

export type Shell = 'electron' | 'browser' | 'cli' | 'memory';

export interface AppInfo {
  name: string;
  version: string;
  shell: Shell;
  /** Native folder pickers exist only in the Electron shell; browser mode asks for a typed path. */
  nativeDialogs: boolean;
  platform: string;
  /** Home directory, used to suggest paths in browser mode. */
  homeDir: string;
}

export interface JobKindInfo {
  kind: string;
  title: string;
  description: string;
  needsProject: boolean;
}

export const benchmarkParams = z.strictObject({
  /** Matrix multiplications to run. */
  iterations: z.number().int().min(1).max(100_000).default(200),
  /** Side of the square matrices. */
  size: z.number().int().min(8).max(4096).default(256),
});
export type BenchmarkParams = z.infer<typeof benchmarkParams>;

export const methods = {
  'app.info': method<AppInfo>()(noInput),

  'ml.backend': method<BackendInfo>()(noInput),

  'project.current': method<ProjectSummary | null>()(noInput),
  'project.create': method<ProjectSummary>()(
    z.strictObject({ dir: folderPath, name: z.string().trim().min(1).max(200).optional() }),
  ),
  'project.open': method<ProjectSummary>()(z.strictObject({ dir: folderPath })),
  'project.close': method<null>()(noInput),
  'project.recent': method<RecentProject[]>()(noInput),
  'project.forgetRecent': method<RecentProject[]>()(z.strictObject({ dir: folderPath })),
  'project.updateSettings': method<ProjectSummary>()(
    z.strictObject({
      likesSnapshotMinDays: z.number().int().min(0).max(365).optional(),
      nearDuplicateDistance: z.number().int().min(0).max(32).optional(),
    }),
  ),

  'posts.summary': method<PostsSummary>()(noInput),
  /** Every post's numbers, by column, for sorting, filtering and the scatter in the renderer. */
  'posts.columns': method<PostColumnsPayload>()(noInput),
  'posts.rows': method<PostRow[]>()(z.strictObject({ rows: z.array(z.number().int().min(0)).max(2000) })),
  'posts.get': method<PostDetail>()(z.strictObject({ id: z.string().min(1).max(500) })),
  /** Thumbnails as data: URLs (null where a post has no readable image), so both shells show them the same way. */
  'posts.thumbnails': method<Array<string | null>>()(
    z.strictObject({ rows: z.array(z.number().int().min(0)).max(200), image: z.number().int().min(0).max(50).optional() }),
  ),

  /** Electron only: a native folder picker. Browser mode answers UNSUPPORTED. */
  'dialog.pickFolder': method<string | null>()(
    z.strictObject({ title: z.string().max(200).optional(), purpose: z.enum(['open', 'create', 'import']) }),
  ),
  /** Electron only: a native file picker (e.g. a CSV/JSONL manifest). Browser mode answers UNSUPPORTED. */
  'dialog.pickFile': method<string | null>()(
    z.strictObject({
      title: z.string().max(200).optional(),
      filters: z.array(z.strictObject({ name: z.string().max(100), extensions: z.array(z.string().max(20)).max(20) })).max(10).optional(),
    }),
  ),

  'jobs.kinds': method<JobKindInfo[]>()(noInput),
  'jobs.list': method<JobRecord[]>()(noInput),
  'jobs.start': method<JobRecord>()(
    z.strictObject({ kind: z.string().min(1).max(100), params: z.record(z.string(), z.unknown()).default({}) }),
  ),
  'jobs.cancel': method<JobRecord>()(z.strictObject({ id: jobId })),
  'jobs.resume': method<JobRecord>()(z.strictObject({ id: jobId })),
  'jobs.remove': method<null>()(z.strictObject({ id: jobId })),
} as const;

export const events = {
  /** A job was created, progressed, or changed state. */
  'job.updated': event<JobRecord>(),
  /** The open project changed (opened, closed, or its counts changed). */
  'project.changed': event<ProjectSummary | null>(),
  /** The ML backend was resolved (or re-resolved). */
  'ml.backend': event<BackendInfo>(),
};

export type Methods = typeof methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = Methods[M]['output'];

export type Events = typeof events;
export type EventPayload<E extends EventName> = Events[E]['payload'];

export const methodNames: readonly MethodName[] = methodNameList;
export const eventNames: readonly EventName[] = eventNameList;

// Compile-time check that names.ts lists exactly the methods and events declared here.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatchContract: [SameKeys<keyof typeof methods, MethodName>, SameKeys<keyof typeof events, EventName>] = [true, true];
void namesMatchContract;
