/**
 * The backbones a head can be trained on: what they are, where their weights come from, and how an image is
 * prepared for each (stored with every run). Pure data; the models themselves live in the ML host.
 */
import type { BackboneName, Preprocessing } from './training-types';

export interface BackboneInfo {
  name: BackboneName;
  title: string;
  /** What a researcher should know before trusting its features. */
  note: string;
  /** The square input side the image is resized to. */
  inputSize: number;
  defaultPreprocessing: Preprocessing;
  /** Where to get weights when they do not ship (vgg16). */
  weightsHelp?: string;
}

export const mobilenetV2Note =
  'MobileNetV2 from the nsfwjs package (MIT): ImageNet-initialised; 98 of its 162 layers kept their ImageNet weights, ' +
  'the rest (blocks 11–16 and the last 1×1 convolution) were fine-tuned by nsfwjs for another task (NSFW classification). ' +
  'Features: the 1280-d 7×7 average pool after the last convolution.';

export const vgg16WeightsHelp =
  'VGG-16 ImageNet weights are ~530 MB and cannot ship with Selfie Lab. Make them once with Python: ' +
  '`pip install tensorflowjs`, then `python -c "import tensorflow as tf; tf.keras.applications.VGG16(weights=\'imagenet\').save(\'vgg16.h5\')"` ' +
  'and `tensorflowjs_converter --input_format keras vgg16.h5 vgg16-tfjs/`; pass the folder with --weights (or "weights" in the job).';

export const backboneCatalog: Record<BackboneName, BackboneInfo> = {
  mobilenet_v2: {
    name: 'mobilenet_v2',
    title: 'MobileNetV2 (ships offline)',
    note: mobilenetV2Note,
    inputSize: 224,
    defaultPreprocessing: {
      backbone: 'mobilenet_v2',
      size: 224,
      fit: 'fill',
      channelOrder: 'RGB',
      // nsfwjs feeds pixels / 255 (0..1), which is what its fine-tuned layers were trained on.
      mean: [0, 0, 0],
      scale: 1 / 255,
      crop: 'image',
      featureDim: 1280,
      featureLayer: 'flatten_1 (7×7 average pool of out_relu)',
      version: 'nsfwjs-4.3.0 · batchnorm folded · v1',
    },
  },
  vgg16: {
    name: 'vgg16',
    title: 'VGG-16 (the study\'s; ImageNet weights from a folder you provide)',
    note:
      'VGG-16 as in the study, built in tfjs-layers with ImageNet weights loaded from your folder (Keras layout). ' +
      'Features: fc2 (4096-d) when the weights include the top layers, else the 512-d global average of block5_pool.',
    inputSize: 224,
    defaultPreprocessing: {
      backbone: 'vgg16',
      size: 224,
      fit: 'fill',
      // Keras' VGG16 preprocess_input ("caffe" mode): BGR, ImageNet mean subtracted, no scaling.
      channelOrder: 'BGR',
      mean: [103.939, 116.779, 123.68],
      scale: 1,
      crop: 'image',
      featureDim: 4096,
      featureLayer: 'fc2',
      version: 'vgg16 · v1',
    },
    weightsHelp: vgg16WeightsHelp,
  },
  face128: {
    name: 'face128',
    title: 'Face descriptor (face-api, 128-d)',
    note:
      'face-api\'s face recognition network (a ResNet-34-like net, weights ship in @vladmandic/face-api) applied to the ' +
      'detected face of the post\'s first image: does the face itself, without the rest of the photo, predict likes?',
    inputSize: 150,
    defaultPreprocessing: {
      backbone: 'face128',
      size: 150,
      fit: 'fill',
      channelOrder: 'RGB',
      // face-api normalises inside the network (mean RGB subtracted, / 256); it is given 0..255 pixels.
      mean: [0, 0, 0],
      scale: 1,
      crop: 'face',
      featureDim: 128,
      featureLayer: 'face descriptor (faceRecognitionNet)',
      version: 'face-api 1.7.15 · faceRecognitionNet · v1',
    },
  },
};
