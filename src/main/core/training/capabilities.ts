/** Which training modes and backbones the active backend allows, and why: what the Train page and the CLI say. */
import type { BackendInfo } from '../../../shared/ml/backend';
import { AppFailure } from '../../../shared/result';
import { backboneCatalog } from '../../../shared/training/backbones';
import { backboneNames, type BackboneName, type TrainCapabilities, type TrainMode } from '../../../shared/training/training-types';
import { checkVgg16Weights } from './backbones/vgg16-weights';

const nativeHint = 'install @tensorflow/tfjs-node (native CPU) or @tensorflow/tfjs-node-gpu (CUDA) where the machine has internet access, then restart';

export function finetuneVerdict(backend: BackendInfo): { allowed: boolean; reason: string } {
  if (!backend.capabilities.convolutionGradients) {
    return {
      allowed: false,
      reason:
        `The ${backend.backend} backend cannot train convolution layers: it has no gradient kernels for them (Conv2DBackpropFilter, ` +
        `depthwise backprop). Use mode "head" (the study's config A: a logistic head on cached features, works here), or ${nativeHint}.`,
    };
  }
  if (backend.backend === 'cpu') {
    return { allowed: true, reason: `Allowed on the pure-JavaScript cpu backend, but very slow (a VGG-16 forward pass takes ~40 s); for real runs ${nativeHint}.` };
  }
  return { allowed: true, reason: `${backend.device} trains convolution layers: the top blocks of the backbone can be fine-tuned with the head.` };
}

export async function trainCapabilities(backend: BackendInfo, weights?: string): Promise<TrainCapabilities> {
  const modes: Record<TrainMode, { allowed: boolean; reason: string }> = {
    head: { allowed: true, reason: 'Trains a logistic head (dropout → dense sigmoid, L2) on cached backbone features: works on every backend, seconds per epoch.' },
    finetune: finetuneVerdict(backend),
  };
  const backbones = {} as TrainCapabilities['backbones'];
  for (const name of backboneNames) {
    const info = backboneCatalog[name];
    let available = true;
    let reason = 'Ships with Selfie Lab; works offline.';
    let featureDim = info.defaultPreprocessing.featureDim;
    if (name === 'vgg16') {
      try {
        const check = await checkVgg16Weights(weights);
        featureDim = check.includesTop ? 4096 : 512;
        reason = `Weights found in ${check.dir} (${check.includesTop ? 'with' : 'without'} the top layers).`;
      } catch (error) {
        available = false;
        reason = error instanceof AppFailure ? error.message : String(error);
      }
    } else if (name === 'face128') {
      reason = 'Weights ship with face-api; needs face detection run on the project (the face the rule counts in each first image).';
    }
    backbones[name] = { available, reason, featureDim, note: info.note };
  }
  return { backend: backend.backend, device: backend.device, modes, backbones };
}

/** Throws the reason when a mode or backbone cannot be used. */
export function assertTrainable(backend: BackendInfo, mode: TrainMode, backbone: BackboneName): void {
  if (mode === 'finetune') {
    const verdict = finetuneVerdict(backend);
    if (!verdict.allowed) throw new AppFailure('UNSUPPORTED', verdict.reason, { backend: backend.backend, mode });
    if (backbone === 'face128') throw new AppFailure('UNSUPPORTED', 'face128 cannot be fine-tuned (face-api runs it outside tfjs-layers); train a head on it instead.', { backbone });
  }
}
