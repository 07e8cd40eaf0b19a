import { AppFailure } from '../shared/result';
import { appVersion } from '../main/core/version';
import { commandHelp, parseCommandArgs, reportError, type AnyCommand, type CliIo } from './cli-kit';
import { infoCommand } from './commands/info.command';
import { initCommand } from './commands/init.command';
import { serveCommand } from './commands/serve.command';
import { importCommand } from './commands/import.command';
import { exportCommand } from './commands/export.command';
import { benchCommand } from './commands/bench.command';
import { facesCommand } from './commands/faces.command';
import { simulateCommand } from './commands/simulate.command';
import { demoCommand } from './commands/demo.command';
import { labelCommand } from './commands/label.command';
import { trainCommand } from './commands/train.command';
import { evaluateCommand } from './commands/evaluate.command';
import { predictCommand } from './commands/predict.command';
import { ratingsCommand } from './commands/ratings.command';

/** Every command; later features add theirs here (and document them in README.md). */
export const commands: AnyCommand[] = [initCommand, infoCommand, serveCommand, importCommand, facesCommand, labelCommand, trainCommand, evaluateCommand, predictCommand, ratingsCommand, exportCommand, simulateCommand, demoCommand, benchCommand] as unknown as AnyCommand[];

export function mainHelp(): string {
  const rows = commands.map((command) => `  ${command.name.padEnd(10)} ${command.summary.split('. ')[0]}`);
  return [
    `Selfie Lab ${appVersion}: replicate and extend the "Deep Learning on Selfies" study on your own data.`,
    '',
    'Usage: selfie-lab <command> [options]',
    '',
    'Commands:',
    ...rows,
    '',
    'Run "selfie-lab <command> --help" for a command\'s options. Every command accepts --json.',
    '',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(mainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(appVersion);
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  const json = rest.includes('--json');
  if (!command) {
    return reportError(io, new AppFailure('INVALID_INPUT', `unknown command "${name}". Run "selfie-lab --help" for the list.`), json);
  }
  try {
    const args = parseCommandArgs(command, rest);
    if (args.values.help) {
      io.out(commandHelp(command));
      return 0;
    }
    return (await command.run(args, io)) ?? 0;
  } catch (error) {
    return reportError(io, error, json);
  }
}

const isEntry = process.argv[1] !== undefined && /selfie-lab(\.js)?$|cli[\\/]main\.ts$/.test(process.argv[1]);
if (isEntry) {
  const io: CliIo = { out: (text) => process.stdout.write(`${text}\n`), err: (text) => process.stderr.write(`${text}\n`) };
  const code = await runCli(process.argv.slice(2), io);
  process.exitCode = code;
}
