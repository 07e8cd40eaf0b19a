import { parseArgs } from 'node:util';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AppFailure, toAppError, type AppError } from '../shared/result';

export interface OptionSpec {
  type: 'string' | 'boolean';
  description: string;
  /** Shown in help, e.g. "DIR". */
  value?: string;
  default?: string | boolean;
}

export interface CommandSpec<Options extends Record<string, OptionSpec>> {
  name: string;
  summary: string;
  usage: string;
  /** Paragraphs printed under the usage line. */
  details?: string;
  options: Options;
  /** Whether positional arguments are accepted (e.g. `init DIR`). */
  positionals?: boolean;
  run(args: ParsedArgs<Options>, io: CliIo): Promise<number | void>;
}

export type ParsedArgs<Options extends Record<string, OptionSpec>> = {
  values: { [K in keyof Options]: Options[K]['type'] extends 'boolean' ? boolean : string | undefined } & {
    json: boolean;
    help: boolean;
  };
  positionals: string[];
};

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export function defineCommand<Options extends Record<string, OptionSpec>>(spec: CommandSpec<Options>): CommandSpec<Options> {
  return spec;
}

export type AnyCommand = CommandSpec<Record<string, OptionSpec>>;

/** The common --json and --help options every command accepts. */
export const commonOptions: Record<string, OptionSpec> = {
  json: { type: 'boolean', description: 'Print one JSON object (machine-readable) instead of text.' },
  help: { type: 'boolean', description: 'Show this help.' },
};

export function parseCommandArgs(command: AnyCommand, argv: string[]): ParsedArgs<Record<string, OptionSpec>> {
  const all = { ...command.options, ...commonOptions };
  const options = Object.fromEntries(
    Object.entries(all).map(([name, spec]) => [name, spec.default === undefined ? { type: spec.type } : { type: spec.type, default: spec.default }]),
  ) as NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    if (!command.positionals && parsed.positionals.length > 0 && !parsed.values.help) {
      throw new Error(`unexpected argument "${parsed.positionals[0]}"`);
    }
    return { values: parsed.values as ParsedArgs<Record<string, OptionSpec>>['values'], positionals: parsed.positionals };
  } catch (error) {
    // Node's parseArgs adds a hint about dashes ("To specify an option argument starting with a dash use '--x=-1'."):
    // keep what went wrong, and say the --x=-1 form plainly.
    const message = (error as Error).message.replace(/\s*To specify an option argument starting with a dash use '(--[\w-]+)=-XYZ'\.?/s, ' (for a negative value write $1=-N)');
    throw new AppFailure('INVALID_INPUT', `${message.replace(/\.$/, '')}. See: selfie-lab ${command.name} --help`);
  }
}

export function commandHelp(command: AnyCommand): string {
  const rows = Object.entries({ ...command.options, ...commonOptions }).map(([name, spec]) => {
    const flag = `--${name}${spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''}`;
    const fallback = spec.default !== undefined && spec.type === 'string' ? ` (default ${spec.default})` : '';
    return `  ${flag.padEnd(24)} ${spec.description}${fallback}`;
  });
  return [`Usage: ${command.usage}`, '', command.summary, ...(command.details ? ['', command.details] : []), '', 'Options:', ...rows, ''].join('\n');
}

/** Where per-user settings live for the CLI and browser mode: $SELFIE_LAB_CONFIG_DIR, $XDG_CONFIG_HOME/selfie-lab, ~/.config/selfie-lab. */
export function userConfigDir(): string {
  if (process.env.SELFIE_LAB_CONFIG_DIR) return process.env.SELFIE_LAB_CONFIG_DIR;
  const base = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'selfie-lab');
}

/** Prints an error for humans (stderr) or machines (stdout JSON) and returns the exit code. */
export function reportError(io: CliIo, thrown: unknown, json: boolean): number {
  const error: AppError = toAppError(thrown);
  if (json) io.out(JSON.stringify({ ok: false, error }));
  else io.err(`error: ${error.message}`);
  return error.code === 'INVALID_INPUT' ? 2 : 1;
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify({ ok: true, value }, null, 2));
}
