/**
 * Which image stands for each post of a label set, and under which feature key: the post's first image (the study's
 * rule, as the face filter's default and the ImageFolder export use), identified by its SHA-256 (hashed here when the
 * image analysis has not run yet); for face128 also the face the rule counts in it.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { countsAsFace, relativeFaceSize } from '../../../shared/faces/face-rule';
import type { FaceBox } from '../../../shared/faces/face-types';
import type { LabelSetItems } from '../../../shared/labeling/label-set';
import type { BackboneName } from '../../../shared/training/training-types';
import type { ProjectSession } from '../projects/project-session';
import { featureKey } from './embedding-cache';

export interface PostImage {
  postId: string;
  /** As in the label set: 0 train, 1 val, 2 test, -1 none. */
  split: number;
  /** 1 good, -1 bad, 0 none. */
  label: number;
  path: string | null;
  box?: FaceBox;
  /** Feature file stem; null when the post has no usable image (see `skip`). */
  key: string | null;
  skip?: string;
}

export async function labelSetImages(project: ProjectSession, items: LabelSetItems, backbone: BackboneName, options: { labeledOnly?: boolean } = {}): Promise<PostImage[]> {
  const table = project.postTable;
  const rule = project.project.data.settings.faceRule;
  const entries: PostImage[] = [];
  const unhashed: PostImage[] = [];
  items.postId.forEach((postId, i) => {
    const label = items.label[i]!;
    if (options.labeledOnly && label === 0) return;
    const entry: PostImage = { postId, split: items.split[i]!, label, path: null, key: null };
    entries.push(entry);
    const row = table.rowOf(postId);
    const tuple = row === undefined ? undefined : table.file.columns.images[row]![0];
    if (!tuple || tuple[0] === null) {
      entry.skip = row === undefined ? 'post no longer in the project' : 'no local image';
      return;
    }
    if (tuple[8] !== null) {
      entry.skip = `unreadable image: ${tuple[8]}`;
      return;
    }
    entry.path = resolve(project.dir, tuple[0]);
    if (backbone === 'face128') {
      const face = countedFace(project, postId, rule);
      if ('skip' in face) {
        entry.skip = face.skip;
        return;
      }
      entry.box = face.box;
    }
    const sha256 = tuple[4];
    if (sha256) entry.key = featureKey(sha256, entry.box);
    else unhashed.push(entry);
  });
  // Normally the image analysis hashed them already; otherwise hash here, a few files at a time.
  let next = 0;
  const hasher = async () => {
    while (next < unhashed.length) {
      const entry = unhashed[next++]!;
      try {
        entry.key = featureKey(createHash('sha256').update(await readFile(entry.path!)).digest('hex'), entry.box);
      } catch {
        entry.skip = 'image file not found';
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, hasher));
  return entries;
}

/** 1 good → 1, bad → 0 (the network's targets). */
export function targetOf(label: number): number {
  return label === 1 ? 1 : 0;
}

/**
 * face128's face of a post's first image: the best-scoring detection the face rule counts, from the project's stored
 * detections (training and `predict` on a project image both use this, so they see the same face).
 */
export function countedFace(project: ProjectSession, postId: string, rule = project.project.data.settings.faceRule): { box: FaceBox } | { skip: string } {
  const record = project.faceTable.get(postId, 0);
  if (!record || record.status !== 'ok') return { skip: record ? 'face detection could not read the image' : 'faces not detected yet (run face detection first)' };
  const faces = record.detections.filter((d) => countsAsFace(d.score, relativeFaceSize(d.box, record.width, record.height), rule)).sort((a, b) => b.score - a.score);
  return faces.length === 0 ? { skip: 'no face under the face rule' } : { box: faces[0]!.box };
}
