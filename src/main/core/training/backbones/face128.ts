/**
 * Runs inside the ML host only. face-api's 128-d face descriptor (faceRecognitionNet, weights shipped in
 * @vladmandic/face-api) of a face crop: the network resizes to 150×150 and normalises itself, so it is given the crop
 * as 0..255 pixels.
 */
import * as tf from '@tensorflow/tfjs';
import { faceModelDir } from '../../faces/face-models';
import { loadFaceApi } from '../../faces/face-detector';

export async function loadFaceDescriptorNet(): Promise<void> {
  const api = loadFaceApi();
  if (!api.nets.faceRecognitionNet.isLoaded) await api.nets.faceRecognitionNet.loadFromDisk(faceModelDir());
}

/** [n, 150, 150, 3] float 0..255 RGB face crops → [n, 128] descriptors. */
export async function faceDescriptors(batch: tf.Tensor4D): Promise<tf.Tensor2D> {
  const api = loadFaceApi();
  const crops = tf.unstack(batch) as tf.Tensor3D[];
  try {
    type Input = Parameters<typeof api.nets.faceRecognitionNet.forward>[0];
    // face-api's types name its own copy of the tfjs types; at run time it shares our engine.
    return (await api.nets.faceRecognitionNet.forward(crops as unknown as Input)) as unknown as tf.Tensor2D;
  } finally {
    tf.dispose(crops);
  }
}
