import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const tsc = join(root, 'node_modules/typescript/bin/tsc');

/** Type-checks one file under the rules of src/shared (tsconfig.shared.json). */
async function typecheckAsShared(dir: string, source: string): Promise<{ ok: boolean; output: string }> {
  await writeFile(join(dir, 'probe.ts'), source);
  await writeFile(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: join(root, 'tsconfig.shared.json'), include: [join(dir, 'probe.ts')] }),
  );
  try {
    const { stdout } = await run(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')]);
    return { ok: true, output: stdout };
  } catch (error) {
    return { ok: false, output: String((error as { stdout?: string }).stdout ?? error) };
  }
}

describe('runtime layering', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'selfie-lab-layering-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('typecheck refuses node:fs in src/shared (no Node types there), and accepts pure code', async () => {
    const bad = await typecheckAsShared(dir, "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n");
    expect(bad.ok).toBe(false);
    expect(bad.output).toContain("Cannot find module 'node:fs'");
    const good = await typecheckAsShared(dir, 'export const double = (n: number): number => n * 2;\n');
    expect(good.output).toBe('');
    expect(good.ok).toBe(true);
  });

  it('typecheck refuses the DOM in src/shared', async () => {
    const bad = await typecheckAsShared(dir, 'export const title = document.title;\n');
    expect(bad.ok).toBe(false);
    expect(bad.output).toContain("Cannot find name 'document'");
  });

  const eslint = new ESLint({ cwd: root });
  async function lintAs(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  }

  it('lint refuses Node, Electron and React imports in src/shared', async () => {
    expect(await lintAs('src/shared/probe.ts', "import { readFile } from 'node:fs/promises';\nexport { readFile };\n")).toHaveLength(1);
    expect(await lintAs('src/shared/probe.ts', "import { app } from 'electron';\nexport { app };\n")).toHaveLength(1);
    expect(await lintAs('src/shared/probe.ts', "import { useState } from 'react';\nexport { useState };\n")).toHaveLength(1);
    expect(await lintAs('src/shared/probe.ts', "import { Workbench } from '../main/core/workbench';\nexport { Workbench };\n")).toHaveLength(1);
    expect(await lintAs('src/shared/probe.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).toHaveLength(0);
  });

  it('lint refuses Node and main-process imports in the renderer', async () => {
    expect(await lintAs('src/renderer/src/probe.ts', "import { join } from 'node:path';\nexport { join };\n")).toHaveLength(1);
    expect(await lintAs('src/renderer/src/probe.ts', "import { Workbench } from '../../main/core/workbench';\nexport { Workbench };\n")).toHaveLength(1);
    expect(await lintAs('src/renderer/src/probe.ts', "import { createApi } from '../../shared/api/client';\nexport { createApi };\n")).toHaveLength(0);
  });

  it('lint refuses Electron in the core and zod in the sandboxed preload', async () => {
    expect(await lintAs('src/main/core/probe.ts', "import { app } from 'electron';\nexport { app };\n")).toHaveLength(1);
    expect(await lintAs('src/main/electron/probe.ts', "import { app } from 'electron';\nexport { app };\n")).toHaveLength(0);
    expect(await lintAs('src/preload/probe.ts', "import { methods } from '../shared/api/contract';\nexport { methods };\n")).toHaveLength(1);
  });
});
