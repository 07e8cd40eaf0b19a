/**
 * Saving and loading TensorFlow.js models as files (model.json + weights.bin) without tfjs-node, whose `file://`
 * handler is not available on the wasm and cpu backends. The files are the standard tfjs layers format, so
 * tfjs-node, the browser and the tfjs converter read them too.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { writeFileAtomic } from '../storage/atomic-write';

export const modelJsonName = 'model.json';
export const weightsFileName = 'weights.bin';

function toArrayBuffer(buffer: Buffer): ArrayBuffer {
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}

/** A save handler writing `dir`/model.json and `dir`/weights.bin (one shard), each atomically (temp file, fsync, rename). */
export function fileSaveHandler(dir: string): tf.io.IOHandler {
  return {
    save: async (artifacts) => {
      await mkdir(dir, { recursive: true });
      const weightData = artifacts.weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      const manifest: tf.io.WeightsManifestConfig = [{ paths: [weightsFileName], weights: artifacts.weightSpecs ?? [] }];
      const modelJson: tf.io.ModelJSON = {
        modelTopology: artifacts.modelTopology!,
        weightsManifest: manifest,
        format: artifacts.format ?? 'layers-model',
        generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version_layers}`,
        convertedBy: artifacts.convertedBy ?? null,
      };
      if (artifacts.trainingConfig) modelJson.trainingConfig = artifacts.trainingConfig;
      if (artifacts.userDefinedMetadata) modelJson.userDefinedMetadata = artifacts.userDefinedMetadata;
      await writeFileAtomic(join(dir, weightsFileName), Buffer.from(weightData));
      await writeFileAtomic(join(dir, modelJsonName), JSON.stringify(modelJson));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
  };
}

/** A load handler for a folder in tfjs layers format: model.json and the shards its weightsManifest names. */
export function fileLoadHandler(dir: string): tf.io.IOHandler {
  return {
    load: async () => {
      const json = JSON.parse(await readFile(join(dir, modelJsonName), 'utf8')) as tf.io.ModelJSON;
      return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
        const buffers: ArrayBuffer[] = [];
        for (const group of manifest) for (const path of group.paths) buffers.push(toArrayBuffer(await readFile(join(dir, path))));
        return [tf.io.getWeightSpecs(manifest), tf.io.CompositeArrayBuffer.join(buffers)];
      });
    },
  };
}

/**
 * Replaces a file atomically (temp file + rename) without fsync: a process crash never leaves a torn file, and an
 * epoch's checkpoint costs no disk flushes (six fsyncs an epoch made short epochs several times slower). After a
 * power loss the last epochs may be lost; the run resumes from an earlier one.
 */
export async function replaceFile(file: string, data: string | Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Named tensors of a set of variables (e.g. weights and optimizer slots) as one binary file plus its specs. */
export async function saveTensors(file: string, tensors: tf.NamedTensorMap): Promise<void> {
  const { data, specs } = await tf.io.encodeWeights(tensors);
  await replaceFile(`${file}.bin`, Buffer.from(data));
  await replaceFile(`${file}.json`, JSON.stringify(specs));
}

export async function loadTensors(file: string): Promise<tf.NamedTensorMap> {
  const specs = JSON.parse(await readFile(`${file}.json`, 'utf8')) as tf.io.WeightsManifestEntry[];
  const data = toArrayBuffer(await readFile(`${file}.bin`));
  return tf.io.decodeWeights(data, specs);
}
