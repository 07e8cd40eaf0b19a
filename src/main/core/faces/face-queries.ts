/** What the Faces page, the CLI and the label step read from the detections, under the project's rule. */
import {
  countImageBuckets,
  countPostDecisions,
  imageFaceCounts,
  imageStatusCode,
  overrideCode,
  postStatuses,
  type FaceColumnsPayload,
} from '../../../shared/faces/face-columns';
import { countFaces, countsAsFace, postFaceStatus, relativeFaceSize } from '../../../shared/faces/face-rule';
import type { FaceImageView, FacePostDecision, FacesSummary } from '../../../shared/faces/face-summary';
import { storedMinScore, type FaceDetectorName, type FaceOverride } from '../../../shared/faces/face-types';
import { AppFailure } from '../../../shared/result';
import type { ProjectSession } from '../projects/project-session';

/** Every image of every post as columns (see FaceColumnsPayload), in post order. */
export function faceColumns(project: ProjectSession): FaceColumnsPayload {
  const posts = project.postTable;
  const faces = project.faceTable;
  const columns: FaceColumnsPayload = {
    rule: project.project.data.settings.faceRule,
    storedMinScore,
    posts: posts.count,
    override: new Array(posts.count),
    images: 0,
    postRow: [],
    imageIndex: [],
    width: [],
    height: [],
    status: [],
    detectionStart: [0],
    score: [],
    relativeSize: [],
  };
  for (let row = 0; row < posts.count; row++) {
    const postId = posts.file.columns.id[row]!;
    const override = faces.override(postId);
    columns.override[row] = override === 'keep' ? overrideCode.keep : override === 'drop' ? overrideCode.drop : overrideCode.none;
    const images = posts.file.columns.images[row]!;
    for (let imageIndex = 0; imageIndex < images.length; imageIndex++) {
      const record = faces.get(postId, imageIndex);
      columns.postRow.push(row);
      columns.imageIndex.push(imageIndex);
      columns.width.push(record?.width ?? images[imageIndex]![6] ?? 0);
      columns.height.push(record?.height ?? images[imageIndex]![7] ?? 0);
      columns.status.push(!record ? imageStatusCode.pending : record.status === 'ok' ? imageStatusCode.ok : imageStatusCode.error);
      if (record && record.status === 'ok') {
        for (const detection of record.detections) {
          columns.score.push(detection.score);
          columns.relativeSize.push(relativeFaceSize(detection.box, record.width, record.height));
        }
      }
      columns.detectionStart.push(columns.score.length);
      columns.images++;
    }
  }
  return columns;
}

export function facesSummary(project: ProjectSession): FacesSummary {
  const columns = faceColumns(project);
  const rule = columns.rule;
  const counts = imageFaceCounts(columns, rule);
  const detectors = new Map<string, { name: FaceDetectorName; version: string; backend: string | null; images: number }>();
  let retried = 0;
  let found = 0;
  for (const record of project.faceTable.file.images) {
    const key = `${record.detector}\u0000${record.detectorVersion}`;
    const entry = detectors.get(key) ?? { name: record.detector, version: record.detectorVersion, backend: record.backend, images: 0 };
    entry.images++;
    entry.backend ??= record.backend;
    detectors.set(key, entry);
    if (record.views > 1) {
      retried++;
      if (record.detections.some((d) => d.padding > 1 && countsAsFace(d.score, relativeFaceSize(d.box, record.width, record.height), rule))) found++;
    }
  }
  const ranked = [...detectors.values()].sort((a, b) => b.images - a.images);
  return {
    rule,
    storedMinScore,
    detector: ranked[0] ?? null,
    otherDetectorImages: ranked.slice(1).reduce((sum, entry) => sum + entry.images, 0),
    images: { ...countImageBuckets(columns, rule, counts), total: columns.images },
    posts: { ...countPostDecisions(columns, rule, counts), total: columns.posts },
    padded: { retried, found },
  };
}

function requireRow(project: ProjectSession, postId: string): number {
  const row = project.postTable.rowOf(postId);
  if (row === undefined) throw new AppFailure('INVALID_INPUT', `No post with id "${postId}" in this project.`, { postId });
  return row;
}

/** A post's status from its images' records under the rule (and its override). */
export function postDecision(project: ProjectSession, row: number, rule = project.project.data.settings.faceRule): FacePostDecision {
  const postId = project.postTable.file.columns.id[row]!;
  const override = project.faceTable.override(postId);
  const counts = project.postTable.file.columns.images[row]!.map((_, imageIndex) => {
    const record = project.faceTable.get(postId, imageIndex);
    return record ? countFaces(record, rule) : undefined;
  });
  return { postId, row, override, status: postFaceStatus(counts, rule.carousel, override) };
}

/** One image's detections with boxes (original pixels) for drawing, and what the rule makes of them. */
export function faceImageView(project: ProjectSession, row: number, imageIndex: number): FaceImageView | null {
  const tuple = project.postTable.file.columns.images[row]?.[imageIndex];
  if (!tuple) return null;
  const rule = project.project.data.settings.faceRule;
  const postId = project.postTable.file.columns.id[row]!;
  const record = project.faceTable.get(postId, imageIndex) ?? null;
  const decision = postDecision(project, row, rule);
  return {
    postId,
    row,
    imageIndex,
    path: tuple[0],
    url: tuple[1],
    record,
    faces: record ? countFaces(record, rule) : null,
    counted: record ? record.detections.map((d) => record.status === 'ok' && countsAsFace(d.score, relativeFaceSize(d.box, record.width, record.height), rule)) : [],
    override: decision.override,
    post: decision.status,
  };
}

export function faceImageViewById(project: ProjectSession, postId: string, imageIndex: number): FaceImageView {
  const row = requireRow(project, postId);
  const view = faceImageView(project, row, imageIndex);
  if (!view) throw new AppFailure('INVALID_INPUT', `Post "${postId}" has no image ${imageIndex} (it has ${project.postTable.file.columns.images[row]!.length}).`, { postId, imageIndex });
  return view;
}

/** Sets or clears a post's override and saves face-overrides.json (small: one click, one small write). */
export async function setFaceOverride(project: ProjectSession, postId: string, override: FaceOverride | null): Promise<FacePostDecision> {
  const row = requireRow(project, postId);
  if (!project.writable) throw new AppFailure('PROJECT_LOCKED', `${project.dir} is open read-only.`);
  project.faceTable.setOverride(postId, override);
  await project.faceOverrides.write();
  return postDecision(project, row);
}

/**
 * The posts the label step may use: those that pass the face rule (with the carousel rule) or are kept by an
 * override, minus those dropped by one. Post table rows, ascending. Posts whose images were not detected yet do not pass.
 */
export function postsPassingFaceFilter(project: ProjectSession, rule = project.project.data.settings.faceRule): number[] {
  const statuses = postStatuses(faceColumns(project), rule);
  const rows: number[] = [];
  statuses.forEach((status, row) => {
    if (status === 'pass') rows.push(row);
  });
  return rows;
}
