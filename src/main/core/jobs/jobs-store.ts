import { z } from 'zod';
import { jobStates } from '../../../shared/jobs/job-types';

const jobErrorSchema = z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() });

export const jobRecordSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  state: z.enum(jobStates),
  params: z.record(z.string(), z.unknown()),
  progress: z.object({
    done: z.number(),
    total: z.number(),
    unit: z.string(),
    rate: z.number().nullable(),
    etaSeconds: z.number().nullable(),
    message: z.string().optional(),
  }),
  checkpoint: z.unknown().optional(),
  result: z.unknown().optional(),
  error: jobErrorSchema.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  resumes: z.number().int().min(0).default(0),
});

export const jobsJsonSchema = z.object({ jobs: z.array(jobRecordSchema) });
export type JobsJson = z.infer<typeof jobsJsonSchema>;
