import type { JobDefinition } from '../job-definition';
import { imageAnalysisJob } from '../../images/image-analysis.job';
import { importJob } from '../../import/import-job';
import { mlBenchmarkJob } from './ml-benchmark.job';
import { faceDetectionJob } from '../../faces/face-detection.job';
import { demoPrepareJob } from '../../demo/demo-prepare.job';
import { labelsCreateJob } from '../../labeling/labels-create.job';
import { embeddingsJob } from '../../training/embeddings.job';
import { trainJob } from '../../training/train.job';
import { evaluateJob } from '../../training/evaluate.job';
import { sweepJob } from '../../training/sweep.job';
import { embeddingMapJob } from '../../training/embedding-map.job';

/** Every kind of job this version can run; later features register theirs here. */
export const jobDefinitions: readonly JobDefinition<any>[] = [mlBenchmarkJob, importJob, imageAnalysisJob, faceDetectionJob, labelsCreateJob, demoPrepareJob, embeddingsJob, trainJob, evaluateJob, sweepJob, embeddingMapJob];
