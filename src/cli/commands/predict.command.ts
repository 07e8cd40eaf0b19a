import { resolve } from 'node:path';
import { AppFailure } from '../../shared/result';
import type { FaceBox } from '../../shared/faces/face-types';
import type { ProjectSession } from '../../main/core/projects/project-session';
import { RunsRepository } from '../../main/core/training/runs-repository';
import { countedFace } from '../../main/core/training/training-data';
import { Workbench } from '../../main/core/workbench';
import { defineCommand, userConfigDir } from '../cli-kit';

export const predictCommand = defineCommand({
  name: 'predict',
  summary: 'Apply a trained run to image files: the probability that each is a "good" selfie.',
  usage: 'selfie-lab predict --project DIR --run ID IMAGE... [--json]',
  details:
    'Each image is prepared as the run\'s backbone was (EXIF-rotated, resized, normalised), passed through the backbone\n' +
    'and the run\'s best-epoch head. face128: for an image of the project, the face its training used (the best face\n' +
    'the project\'s stored detections and face rule count), so predict agrees with the run\'s stored predictions; for\n' +
    'any other image, the best face SSD finds (score at least 0.5). Images that cannot be read are\n' +
    'reported, not fatal. vgg16 runs read their weights from the folder they were trained with.',
  positionals: true,
  options: {
    project: { type: 'string', value: 'DIR', description: 'Project folder (required).' },
    run: { type: 'string', value: 'ID', description: 'Run id (required; see the runs table or train\'s output).' },
  },
  run: async ({ values, positionals }, io) => {
    if (!values.project || !values.run) throw new AppFailure('INVALID_INPUT', 'predict needs --project DIR and --run ID. See: selfie-lab predict --help');
    if (positionals.length === 0) throw new AppFailure('INVALID_INPUT', 'predict needs at least one IMAGE file.');
    const workbench = await Workbench.create({ shell: 'cli', configDir: userConfigDir() });
    try {
      await workbench.openProject(values.project, { writable: false });
      const runs = new RunsRepository(workbench.requireProject().dir);
      const record = await runs.get(values.run);
      if (record.status !== 'completed') throw new AppFailure('JOB_STATE', `Run ${record.id} is ${record.status}; only a completed run has a model.`);
      const paths = positionals.map((path) => resolve(path));
      const boxes = record.backbone === 'face128' ? projectFaces(workbench.requireProject(), paths) : undefined;
      const results = await workbench.ml.call('predictImages', {
        runDir: runs.dir(record.id),
        ...(record.params.weights ? { weights: record.params.weights } : {}),
        paths,
        ...(boxes ? { boxes } : {}),
      });
      if (values.json) {
        io.out(JSON.stringify({ ok: true, value: { run: record.id, threshold: 0.5, predictions: results.map((r) => ({ ...r, predicted: r.pGood === null ? null : r.pGood >= 0.5 ? 'good' : 'bad' })) } }, null, 2));
      } else {
        io.out(`Run ${record.id} (${record.backbone} ${record.mode}, best epoch ${record.bestEpoch ?? '—'}): p(good) per image`);
        for (const result of results) io.out(result.pGood === null ? `  —      ${result.path}: ${result.error}` : `  ${result.pGood.toFixed(3)}  ${result.pGood >= 0.5 ? 'good' : 'bad '}  ${result.path}`);
      }
      return results.some((result) => result.pGood === null) ? 1 : 0;
    } finally {
      await workbench.dispose();
    }
  },
});

/** face128: for each path that is a project post's first image, the face its training used; null for other images. */
function projectFaces(project: ProjectSession, paths: readonly string[]): Array<FaceBox | null> {
  const byPath = new Map<string, string>();
  const { columns } = project.postTable.file;
  columns.images.forEach((tuples, row) => {
    const path = tuples[0]?.[0];
    if (path) byPath.set(path, columns.id[row]!);
  });
  return paths.map((path) => {
    const postId = byPath.get(path);
    if (postId === undefined) return null;
    const face = countedFace(project, postId);
    return 'box' in face ? face.box : null;
  });
}
