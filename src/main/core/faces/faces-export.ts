import { countFaces, countsAsFace, relativeFaceSize } from '../../../shared/faces/face-rule';
import type { Cell } from '../export/table-writer';
import type { ProjectSession } from '../projects/project-session';
import { postDecision } from './face-queries';

/**
 * The columns of `selfie-lab export faces`, one row per image of every post:
 *   faces       faces counted under the rule (empty when unreadable or not detected yet)
 *   max_score   the best score among all stored detections, counted or not (a near miss shows here)
 *   boxes       the counted faces as JSON [{x, y, width, height, score}] in original pixels
 *   status      ok | error | pending (not detected yet)
 *   passes      the image has exactly one face under the rule
 *   post_passes the post passes (carousel rule and override applied), what the label step uses
 */
export const faceExportColumns = [
  'post_id', 'image', 'image_index', 'faces', 'max_score', 'boxes', 'status', 'error', 'passes', 'post_passes', 'override', 'detector', 'width', 'height',
] as const;

export function* faceExportRows(project: ProjectSession): Generator<Cell[]> {
  const rule = project.project.data.settings.faceRule;
  const posts = project.postTable;
  for (let row = 0; row < posts.count; row++) {
    const postId = posts.file.columns.id[row]!;
    const images = posts.file.columns.images[row]!;
    if (images.length === 0) continue;
    const decision = postDecision(project, row, rule);
    for (let imageIndex = 0; imageIndex < images.length; imageIndex++) {
      const tuple = images[imageIndex]!;
      const record = project.faceTable.get(postId, imageIndex);
      const faces = record ? countFaces(record, rule) : null;
      const counted = record?.status === 'ok'
        ? record.detections.filter((d) => countsAsFace(d.score, relativeFaceSize(d.box, record.width, record.height), rule))
        : [];
      const maxScore = record && record.detections.length > 0 ? Math.max(...record.detections.map((d) => d.score)) : null;
      yield [
        postId,
        tuple[0] ?? tuple[1],
        imageIndex,
        faces,
        maxScore,
        record?.status === 'ok' ? JSON.stringify(counted.map((d) => ({ ...d.box, score: d.score }))) : null,
        record ? record.status : 'pending',
        record?.error ?? null,
        faces === 1,
        decision.status === 'pass',
        decision.override,
        record?.detector ?? null,
        record && record.width > 0 ? record.width : null,
        record && record.height > 0 ? record.height : null,
      ];
    }
  }
}
