/**
 * Training and evaluation as the API, the CLI and the Train page see them: parameters, run records, per-epoch
 * metrics, predictions and evaluations. Pure types and schemas; the work happens in src/main/core/training.
 */
import { z } from 'zod';

/** mobilenet_v2 ships offline (inside nsfwjs); vgg16 is the study's, with weights the user provides; face128 is face-api's face descriptor. */
export const backboneNames = ['mobilenet_v2', 'vgg16', 'face128'] as const;
export type BackboneName = (typeof backboneNames)[number];

/** head: frozen backbone, cached features → dropout → dense sigmoid (the study's config A). finetune: unfreeze the top blocks. */
export const trainModes = ['head', 'finetune'] as const;
export type TrainMode = (typeof trainModes)[number];

/**
 * How an image becomes the backbone's input, stored with every run so a model can be applied later exactly as trained.
 * Pixels are decoded with EXIF rotation, converted to sRGB, resized to `size`×`size` (`fit`), put in `channelOrder`, then
 * value' = (value − mean[channel]) × scale, value in 0..255.
 */
export interface Preprocessing {
  backbone: BackboneName;
  size: number;
  /** cover: scale the shorter side to `size` and crop the centre; fill: squash to the square. */
  fit: 'cover' | 'fill';
  channelOrder: 'RGB' | 'BGR';
  mean: [number, number, number];
  scale: number;
  /** image: the whole (first) image of the post; face: the detected face box of it. */
  crop: 'image' | 'face';
  /** The backbone's feature vector length. */
  featureDim: number;
  /** Where the features come from, e.g. "flatten_1 (7×7 average pool of out_relu)". */
  featureLayer: string;
  /** Changes whenever the features of the same image would change (conversion, weights, preprocessing). */
  version: string;
}

export const trainParams = z.strictObject({
  /** Label set name (its newest version) or id. */
  labelSet: z.string().trim().min(1).max(300),
  backbone: z.enum(backboneNames).default('mobilenet_v2'),
  /** vgg16: a folder of ImageNet weights in tfjs layers format (model.json + shards). */
  weights: z.string().trim().min(1).max(4096).optional(),
  mode: z.enum(trainModes).default('head'),
  epochs: z.number().int().min(1).max(1000).default(30),
  batch: z.number().int().min(1).max(4096).default(32),
  lr: z.number().positive().max(10).default(0.01),
  momentum: z.number().min(0).lt(1).default(0.9),
  /** L2 penalty on the dense kernel: loss += l2 · Σw² (Keras' convention). */
  l2: z.number().min(0).max(1).default(5e-4),
  dropout: z.number().min(0).lt(1).default(0.5),
  /** finetune: random horizontal flip and random crop. Cached features (head mode) cannot be augmented. */
  augment: z.boolean().default(true),
  /** Stop after this many epochs without a better validation accuracy; 0 = never stop early. */
  patience: z.number().int().min(0).max(1000).default(10),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  /** Sanity check: train on the training labels shuffled among the training posts; validation keeps the true labels. */
  shuffleLabels: z.boolean().default(false),
  /** finetune: how many of the backbone's top blocks are unfrozen. */
  finetuneBlocks: z.number().int().min(1).max(10).default(2),
  /** Predict every post of the label set (all) or only the labeled ones (faster on a huge population). */
  predictions: z.enum(['all', 'labeled']).default('all'),
  /** A name for the runs table (default: backbone, mode and label set). */
  name: z.string().trim().min(1).max(200).optional(),
});
export type TrainParamsInput = z.input<typeof trainParams>;
export type TrainParams = z.output<typeof trainParams>;

/** The numbers that shape a head's training (what the ML host's trainers take, and what the Train form edits). */
export type HeadHyperParams = Pick<TrainParams, 'epochs' | 'batch' | 'lr' | 'momentum' | 'l2' | 'dropout' | 'patience' | 'seed'>;

export const evaluateParams = z.strictObject({
  /** The run to evaluate (default: the newest completed run). */
  run: z.string().trim().min(1).max(200).optional(),
  /** Decision threshold on p(good). */
  threshold: z.number().gt(0).lt(1).default(0.5),
  /** Calibration bins. */
  bins: z.number().int().min(2).max(50).default(10),
});
export type EvaluateParams = z.output<typeof evaluateParams>;

export const embeddingsParams = z.strictObject({
  /** Posts of this label set (name or id); without it, every post of the project. */
  labelSet: z.string().trim().min(1).max(300).optional(),
  backbone: z.enum(backboneNames).default('mobilenet_v2'),
  weights: z.string().trim().min(1).max(4096).optional(),
  /** Only the labeled posts of the label set. */
  labeledOnly: z.boolean().default(false),
  /** Images per forward pass. */
  batch: z.number().int().min(1).max(256).default(16),
});
export type EmbeddingsParams = z.output<typeof embeddingsParams>;

/** One epoch's figures. Losses are binary cross-entropy (+ the L2 term for training), accuracies at p ≥ 0.5. */
export interface EpochMetrics {
  /** 1-based. */
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  /** null when the label set has no validation posts. */
  valLoss: number | null;
  valAccuracy: number | null;
  /** The per-batch training loss, exponentially smoothed (α 0.9, bias-corrected), at most 50 points per epoch. */
  batchLoss: number[];
  seconds: number;
}

export type RunStatus = 'running' | 'completed' | 'stopped' | 'failed';

export interface SplitCountsOfRun {
  good: number;
  bad: number;
}

/** runs/<id>/run.json */
export interface RunRecord {
  id: string;
  name: string;
  status: RunStatus;
  createdAt: string;
  startedAt: string;
  finishedAt: string | null;
  labelSet: { id: string; name: string; version: number };
  backbone: BackboneName;
  /** What the backbone is and where its weights come from, in a sentence (shown beside results). */
  backboneNote: string;
  preprocessing: Preprocessing;
  mode: TrainMode;
  params: TrainParams;
  backend: { name: string; version: string; device: string };
  seed: number;
  /** Labeled posts used per split; skipped: labeled posts without a usable image (unreadable, no face...). */
  counts: { train: SplitCountsOfRun; val: SplitCountsOfRun; test: SplitCountsOfRun; skipped: number };
  epochsDone: number;
  /** By validation accuracy (earliest of ties); null before the first epoch or without validation posts. */
  bestEpoch: number | null;
  valPeak: number | null;
  valFinal: number | null;
  stoppedEarly: boolean;
  /** The job that made it. */
  jobId: string | null;
  error?: string;
}

/** runs/<id>/predictions.json: one entry per predicted post of the label set, made with the best-epoch model. */
export interface RunPredictions {
  runId: string;
  /** The epoch whose weights made them. */
  epoch: number;
  threshold: number;
  postId: string[];
  /** 0 train, 1 val, 2 test, -1 none (as in the label set). */
  split: number[];
  /** 1 good, -1 bad, 0 none. */
  label: number[];
  pGood: number[];
  /** 1 good, -1 bad (p ≥ threshold). */
  predicted: number[];
}

export interface ConfusionCell {
  count: number;
  postIds: string[];
}

/** Positive = "good". */
export interface ConfusionMatrix {
  threshold: number;
  truePositive: ConfusionCell;
  falsePositive: ConfusionCell;
  trueNegative: ConfusionCell;
  falseNegative: ConfusionCell;
}

export interface RocPoint {
  fpr: number;
  tpr: number;
  /** Predicted good when p ≥ threshold; null for the (0, 0) corner (above every score). */
  threshold: number | null;
}

export interface CalibrationBin {
  lower: number;
  upper: number;
  count: number;
  /** Mean p(good) of the bin's posts; null when empty. */
  meanPredicted: number | null;
  /** Share of the bin's posts that are good; null when empty. */
  fractionGood: number | null;
}

export interface SplitEvaluation {
  n: number;
  good: number;
  bad: number;
  accuracy: number;
  loss: number;
  /** null when one class is missing. */
  auc: number | null;
  roc: RocPoint[];
  confusion: ConfusionMatrix;
  calibration: CalibrationBin[];
  /** Accuracy of always answering the split's majority class. */
  majorityBaseline: number;
}

/** The study's published figures, shown beside a run's results. */
export const studyReference = {
  configA: { label: 'Study config A (frozen VGG-16 conv + logistic)', valPeak: 0.679, valFinal: 0.669 },
  configD: { label: 'Study config D (VGG-16 end-to-end)', valPeak: 0.719, valFinal: 0.681 },
  karpathy: { label: 'Karpathy (2015, ConvNet on 2M selfies)', accuracy: 0.6 },
} as const;

/** runs/<id>/evaluation.json */
export interface RunEvaluation {
  runId: string;
  createdAt: string;
  bestEpoch: number | null;
  epochsDone: number;
  valPeak: { epoch: number; accuracy: number } | null;
  valFinal: { epoch: number; accuracy: number } | null;
  /** valPeak − valFinal: how much the run overfit after its best epoch. */
  peakFinalGap: number | null;
  threshold: number;
  /** At the best-validation checkpoint (the predictions' epoch). */
  splits: { train: SplitEvaluation | null; val: SplitEvaluation | null; test: SplitEvaluation | null };
  shuffledLabels: boolean;
  reference: typeof studyReference;
}

/** What the Train page shows live: the job's checkpoint while a `train` job runs (job.updated events). */
export interface TrainProgress {
  runId: string;
  phase: 'embeddings' | 'training' | 'predicting' | 'done';
  epochs: number;
  history: EpochMetrics[];
  bestEpoch: number | null;
  /** Tensors alive in the ML host after the last epoch (stable from epoch to epoch when nothing leaks). */
  tensors: number | null;
}

/** Which training modes the active backend allows, and why (train.capabilities). */
export interface TrainCapabilities {
  backend: string;
  device: string;
  modes: Record<TrainMode, { allowed: boolean; reason: string }>;
  backbones: Record<BackboneName, { available: boolean; reason: string; featureDim: number; note: string }>;
}

export interface RunSummary extends RunRecord {
  /** Test accuracy at the best-validation checkpoint, when evaluated and the set has a test split. */
  testAccuracy: number | null;
  auc: number | null;
}
