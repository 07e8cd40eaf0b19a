/**
 * Checks a folder of VGG-16 ImageNet weights (tfjs layers format, Keras layer names) before anything is loaded, so a
 * wrong folder fails with the layer and the shapes that are wrong instead of a tensor error deep in training. Runs
 * anywhere in Node (no TensorFlow.js).
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { vgg16WeightsHelp } from '../../../../shared/training/backbones';
import { AppFailure } from '../../../../shared/result';

/** Keras' VGG16: [layer, kernel shape, bias length]. Convolutions are 3×3, same padding, ReLU. */
export const vgg16ConvLayers: Array<[name: string, kernel: [number, number, number, number]]> = [
  ['block1_conv1', [3, 3, 3, 64]],
  ['block1_conv2', [3, 3, 64, 64]],
  ['block2_conv1', [3, 3, 64, 128]],
  ['block2_conv2', [3, 3, 128, 128]],
  ['block3_conv1', [3, 3, 128, 256]],
  ['block3_conv2', [3, 3, 256, 256]],
  ['block3_conv3', [3, 3, 256, 256]],
  ['block4_conv1', [3, 3, 256, 512]],
  ['block4_conv2', [3, 3, 512, 512]],
  ['block4_conv3', [3, 3, 512, 512]],
  ['block5_conv1', [3, 3, 512, 512]],
  ['block5_conv2', [3, 3, 512, 512]],
  ['block5_conv3', [3, 3, 512, 512]],
];
export const vgg16DenseLayers: Array<[name: string, kernel: [number, number]]> = [
  ['fc1', [25088, 4096]],
  ['fc2', [4096, 4096]],
];

interface WeightSpec {
  name: string;
  shape: number[];
  dtype?: string;
  quantization?: { dtype: string };
}

export interface Vgg16WeightsCheck {
  dir: string;
  /** Whether fc1 and fc2 are present (features from fc2, 4096-d) or not (512-d global average of block5_pool). */
  includesTop: boolean;
  /** Weight name in the file for each expected "<layer>/<kernel|bias>". */
  names: Record<string, string>;
  /** A fingerprint of model.json: cached features are redone when the weights change. */
  fingerprint: string;
}

const bytesPer: Record<string, number> = { float32: 4, int32: 4, uint16: 2, uint8: 1, float16: 2 };

function weightsFailure(message: string, details: Record<string, unknown>): AppFailure {
  return new AppFailure('INVALID_INPUT', `${message} ${vgg16WeightsHelp}`, details);
}

/** Strips a model prefix ("vgg16/") and a ":0" suffix, as Keras and the converter write them in different versions. */
function canonicalName(name: string): string {
  const bare = name.replace(/:\d+$/, '');
  const parts = bare.split('/');
  return parts.slice(-2).join('/');
}

/**
 * Validates the folder layer by layer: model.json present and parseable, every convolution (and fc1/fc2 when any
 * top layer is present) with a kernel and bias of Keras' shapes, float weights, and shards present with the bytes
 * the manifest implies.
 */
export async function checkVgg16Weights(folder: string | undefined): Promise<Vgg16WeightsCheck> {
  if (!folder) {
    throw weightsFailure('vgg16 needs ImageNet weights, and none were given: Selfie Lab will not train a "pretrained" run on random weights.', {});
  }
  const dir = resolve(folder);
  const modelJson = join(dir, 'model.json');
  if (!existsSync(modelJson)) throw weightsFailure(`No model.json in ${dir}.`, { dir });
  let json: { weightsManifest?: Array<{ paths: string[]; weights: WeightSpec[] }> };
  const text = await readFile(modelJson, 'utf8');
  try {
    json = JSON.parse(text) as typeof json;
  } catch (error) {
    throw weightsFailure(`${modelJson} is not valid JSON (${(error as Error).message}).`, { file: modelJson });
  }
  const manifest = json.weightsManifest;
  if (!Array.isArray(manifest) || manifest.length === 0) throw weightsFailure(`${modelJson} has no weightsManifest: it is not a tfjs layers model.`, { file: modelJson });
  const specs = new Map<string, WeightSpec>();
  let expectedBytes = 0;
  for (const group of manifest) {
    for (const spec of group.weights) {
      specs.set(canonicalName(spec.name), spec);
      const dtype = spec.quantization?.dtype ?? spec.dtype ?? 'float32';
      expectedBytes += (bytesPer[dtype] ?? 4) * spec.shape.reduce((a, b) => a * b, 1);
    }
  }
  const names: Record<string, string> = {};
  const expect = (layer: string, kind: 'kernel' | 'bias', shape: number[]) => {
    const spec = specs.get(`${layer}/${kind}`);
    if (!spec) throw weightsFailure(`Layer ${layer}: no ${kind} in ${modelJson} (expected shape [${shape.join(', ')}]).`, { layer, file: modelJson });
    if (spec.shape.length !== shape.length || spec.shape.some((size, i) => size !== shape[i])) {
      throw weightsFailure(`Layer ${layer}: ${kind} has shape [${spec.shape.join(', ')}], VGG-16 needs [${shape.join(', ')}]. Is this VGG-16 in Keras' layout?`, {
        layer,
        found: spec.shape,
        expected: shape,
      });
    }
    const dtype = spec.dtype ?? 'float32';
    if (dtype !== 'float32') throw weightsFailure(`Layer ${layer}: ${kind} is ${dtype}, expected float32.`, { layer });
    names[`${layer}/${kind}`] = spec.name;
  };
  for (const [layer, kernel] of vgg16ConvLayers) {
    expect(layer, 'kernel', kernel);
    expect(layer, 'bias', [kernel[3]]);
  }
  const includesTop = vgg16DenseLayers.some(([layer]) => specs.has(`${layer}/kernel`));
  if (includesTop) {
    for (const [layer, kernel] of vgg16DenseLayers) {
      expect(layer, 'kernel', kernel);
      expect(layer, 'bias', [kernel[1]]);
    }
  }
  let shardBytes = 0;
  for (const group of manifest) {
    for (const path of group.paths) {
      const file = join(dir, path);
      if (!existsSync(file)) throw weightsFailure(`The weights shard ${file} named in model.json is missing.`, { file });
      shardBytes += statSync(file).size;
    }
  }
  if (shardBytes !== expectedBytes) {
    throw weightsFailure(`The weight shards in ${dir} hold ${shardBytes} bytes, but model.json describes ${expectedBytes}: a download or conversion was cut short.`, {
      dir,
      shardBytes,
      expectedBytes,
    });
  }
  const fingerprint = `${includesTop ? 'top' : 'notop'}-${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
  return { dir, includesTop, names, fingerprint };
}
