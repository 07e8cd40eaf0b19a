import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ScriptEntry {
  file: string;
  /** Node options needed to run it: TypeScript sources run through tsx, built bundles run as they are. */
  execArgv: string[];
}

/**
 * Finds the entry of a child process or worker that sits beside the calling module: `<name>.js` in a build
 * (electron-vite bundles it next to the main bundle), `<name>.ts` when running from source (CLI, tests).
 */
export function resolveScriptEntry(dir: string, name: string): ScriptEntry {
  const built = join(dir, `${name}.js`);
  if (existsSync(built)) return { file: built, execArgv: [] };
  const source = join(dir, `${name}.ts`);
  if (existsSync(source)) {
    const tsxLoader = createRequire(import.meta.url).resolve('tsx');
    return { file: source, execArgv: ['--import', pathToFileURL(tsxLoader).href] };
  }
  throw new Error(`Cannot find ${name}.js or ${name}.ts in ${dir}; the build is incomplete (run npm run build).`);
}
