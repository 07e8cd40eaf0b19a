import { Workbench } from '../../main/core/workbench';
import { defineCommand, printJson, userConfigDir } from '../cli-kit';

export const initCommand = defineCommand({
  name: 'init',
  summary: 'Create a new Selfie Lab project folder.',
  details: 'Writes project.json, posts.json, faces.json, labelsets.json, jobs.json and the folders runs/, ratings/, cache/, images/.',
  usage: 'selfie-lab init DIR [--name NAME] [--json]',
  positionals: true,
  options: {
    name: { type: 'string', value: 'NAME', description: 'Project name (default: the folder name).' },
  },
  run: async ({ values, positionals }, io) => {
    const dir = positionals[0];
    if (!dir) throw new Error('init needs the project folder: selfie-lab init DIR');
    const workbench = await Workbench.create({ shell: 'cli', configDir: userConfigDir() });
    try {
      const summary = await workbench.createProject(dir, values.name);
      if (values.json) printJson(io, summary);
      else io.out(`Created project "${summary.name}" in ${summary.dir}\nNext: selfie-lab serve --project ${summary.dir}`);
    } finally {
      await workbench.dispose();
    }
  },
});
