import { spawn } from 'node:child_process';
import { isBackendName } from '../../shared/ml/backend';
import { AppFailure } from '../../shared/result';
import { isProjectFolder } from '../../main/core/projects/project-session';
import { startBrowserServer, type BrowserServer } from '../../main/core/server/browser-server';
import { Workbench } from '../../main/core/workbench';
import { defineCommand, userConfigDir } from '../cli-kit';
import { ensureRendererBuilt, rendererDir } from '../renderer-build';

const defaultPort = 7410;

export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'Browser mode: serve the Selfie Lab interface and API on this machine, guarded by a random token.',
  usage: 'selfie-lab serve [--project DIR] [--port N] [--host 127.0.0.1] [--open] [--backend NAME] [--no-demo] [--json]',
  details:
    'Prints a URL with ?token=…; open it in a browser. Requests without the token get 401, and the event socket\n' +
    'refuses other origins. Binds 127.0.0.1 unless --host says otherwise (then anyone who can reach the port and has\n' +
    'the token can use it: prefer an SSH tunnel). With --project, a folder that holds no project yet is created as one.\n' +
    'Without --project, the first start opens the demo project (built in the background in ~/selfie-lab-demo or\n' +
    '$SELFIE_LAB_DEMO_DIR); later starts show the project picker with your recent projects.\n' +
    'Stop with Ctrl+C; running jobs are then marked interrupted and can be resumed next time.',
  options: {
    project: { type: 'string', value: 'DIR', description: 'Project folder to open (created if it holds no project).' },
    port: { type: 'string', value: 'N', description: `Port; without it the first free one from ${defaultPort} is used.` },
    host: { type: 'string', value: 'ADDRESS', description: 'Address to bind.', default: '127.0.0.1' },
    open: { type: 'boolean', description: 'Open the URL in the default browser.' },
    backend: { type: 'string', value: 'NAME', description: 'Force a backend: tensorflow-gpu, tensorflow, wasm or cpu.' },
    'no-demo': { type: 'boolean', description: 'On first start without --project, show the project picker instead of opening the demo project.' },
  },
  run: async ({ values }, io) => {
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
      throw new AppFailure('INVALID_INPUT', `--port must be a whole number from 0 to 65535, not "${values.port}".`);
    }
    const forced = values.backend;
    if (forced !== undefined && !isBackendName(forced)) {
      throw new AppFailure('INVALID_INPUT', `unknown backend "${forced}"; use tensorflow-gpu, tensorflow, wasm or cpu`);
    }
    ensureRendererBuilt((text) => io.err(text));
    const workbench = await Workbench.create({ shell: 'browser', configDir: userConfigDir(), ...(forced ? { backend: forced } : {}) });
    let server: BrowserServer | undefined;
    try {
      if (values.project) {
        if (await isProjectFolder(values.project)) await workbench.openProject(values.project);
        else await workbench.createProject(values.project);
      } else if (!values['no-demo']) {
        // First start: open (or build in the background) the demo project, so every page has something to show.
        await workbench.openDemoIfFirstStart().catch((error: unknown) => io.err(`The demo project could not be opened: ${(error as Error).message}`));
      }
      server = await listen(workbench, values.host ?? '127.0.0.1', port);
    } catch (error) {
      await workbench.dispose();
      throw error;
    }
    const project = await workbench.projectSummary();
    if (values.json) {
      io.out(JSON.stringify({ ok: true, value: { url: server.url, origin: server.origin, port: server.port, host: server.host, token: server.token, project: project?.dir ?? null } }));
    } else {
      io.out(`Selfie Lab is serving ${project ? `project "${project.name}" (${project.dir})` : 'no project yet (pick one in the page)'}.`);
      io.out(`Open this URL in a browser:\n\n    ${server.url}\n`);
      if (!['127.0.0.1', 'localhost', '::1'].includes(server.host)) {
        io.err(`warning: bound to ${server.host}: anyone who can reach this port and knows the token can use this project.`);
      }
      io.out('Press Ctrl+C to stop.');
    }
    if (values.open) openInBrowser(server.url);
    workbench.ml.backend().catch(() => undefined); // resolve the backend in the background so the badge is ready

    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    io.err('Stopping…');
    await server.close();
    await workbench.dispose();
  },
});

async function listen(workbench: Workbench, host: string, port: number | undefined): Promise<BrowserServer> {
  if (port !== undefined) return startBrowserServer({ workbench, rendererDir, host, port });
  for (let candidate = defaultPort; candidate < defaultPort + 20; candidate++) {
    try {
      return await startBrowserServer({ workbench, rendererDir, host, port: candidate });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  return startBrowserServer({ workbench, rendererDir, host, port: 0 });
}

function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(command as string, args as string[], { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
}
