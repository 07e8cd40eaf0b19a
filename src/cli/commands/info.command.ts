import { describeBackend, isBackendName, type BackendInfo } from '../../shared/ml/backend';
import type { ProjectSummary } from '../../shared/project/project-types';
import { toAppError } from '../../shared/result';
import { Workbench } from '../../main/core/workbench';
import { defineCommand, printJson, userConfigDir } from '../cli-kit';

export const infoCommand = defineCommand({
  name: 'info',
  summary: 'Print a project summary (counts per store) and the TensorFlow.js backend Selfie Lab would use here.',
  usage: 'selfie-lab info [--project DIR] [--backend NAME] [--json]',
  details:
    'The project is opened read-only (no lock), so this works while the app has it open.\n' +
    'Backends are tried in order: tensorflow-gpu (@tensorflow/tfjs-node-gpu), tensorflow (@tensorflow/tfjs-node), wasm, cpu.',
  options: {
    project: { type: 'string', value: 'DIR', description: 'Project folder to summarise.' },
    backend: { type: 'string', value: 'NAME', description: 'Force a backend: tensorflow-gpu, tensorflow, wasm or cpu.' },
  },
  run: async ({ values }, io) => {
    const forced = values.backend;
    if (forced !== undefined && !isBackendName(forced)) throw new Error(`unknown backend "${forced}"; use tensorflow-gpu, tensorflow, wasm or cpu`);
    const workbench = await Workbench.create({ shell: 'cli', configDir: userConfigDir(), ...(forced ? { backend: forced } : {}) });
    try {
      const project = values.project ? await workbench.openProject(values.project, { writable: false }) : null;
      let backend: BackendInfo | null = null;
      let backendError = null;
      try {
        backend = await workbench.ml.backend();
      } catch (error) {
        backendError = toAppError(error);
      }
      const app = workbench.appInfo();
      if (values.json) {
        printJson(io, {
          app: { name: app.name, version: app.version },
          project,
          backend: backend && { backend: backend.backend, version: backend.version, device: backend.device, capabilities: backend.capabilities, attempts: backend.attempts },
          ...(backendError ? { backendError } : {}),
        });
        return backend ? 0 : 1;
      }
      io.out(`${app.name} ${app.version}`);
      if (project) io.out(formatProject(project));
      if (backend) {
        io.out(`ML backend: ${describeBackend(backend)}`);
        for (const attempt of backend.attempts.filter((a) => !a.ok)) io.out(`  skipped ${attempt.backend}: ${attempt.reason}`);
        io.out(`  fine-tuning (convolution gradients): ${backend.capabilities.convolutionGradients ? 'available' : 'not on this backend (head training only)'}`);
      } else {
        io.err(`ML backend: unavailable: ${backendError?.message}`);
        return 1;
      }
    } finally {
      await workbench.dispose();
    }
  },
});

function formatProject(project: ProjectSummary): string {
  const c = project.counts;
  return [
    `Project: ${project.name} (${project.dir})`,
    `  schema ${project.schemaVersion}, created ${project.createdAt}`,
    `  posts ${c.posts} · faces ${c.faces} · label sets ${c.labelSets} · runs ${c.runs} · raters ${c.raters} · jobs ${c.jobs}`,
  ].join('\n');
}
