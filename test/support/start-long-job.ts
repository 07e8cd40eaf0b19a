// Child process for the crash test: opens the project, starts a long benchmark job and runs until killed.
import { Workbench } from '../../src/main/core/workbench';

const [projectDir, configDir] = process.argv.slice(2) as [string, string];
const workbench = await Workbench.create({ shell: 'cli', configDir });
await workbench.openProject(projectDir);
await workbench.requireJobs().start('ml.benchmark', { iterations: 100_000, size: 64 });
process.stdout.write('started\n');
setInterval(() => undefined, 1000);
