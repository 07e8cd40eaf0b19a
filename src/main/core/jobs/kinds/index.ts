import type { JobDefinition } from '../job-definition';
import { mlBenchmarkJob } from './ml-benchmark.job';

/** Every kind of job this version can run; later features register theirs here. */
export const jobDefinitions: readonly JobDefinition<any>[] = [mlBenchmarkJob];
