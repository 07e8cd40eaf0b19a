#!/usr/bin/env node
// `npm start`: build and launch the desktop app. On machines where the Electron binary could not be
// downloaded (offline installs use ELECTRON_SKIP_BINARY_DOWNLOAD=1), say so and point to browser mode.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const path = require('electron'); // the package exports the binary's path, or throws if it was never downloaded
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

if (!electronBinary()) {
  process.stderr.write(
    [
      'The Electron binary is not installed, so the desktop window cannot open.',
      '(npm installs it from the internet; offline installs skip it with ELECTRON_SKIP_BINARY_DOWNLOAD=1.)',
      '',
      'To get it, on a machine with internet access run:',
      '    node node_modules/electron/install.js',
      '',
      'Meanwhile, use browser mode, which runs the same app in your browser:',
      '    npx selfie-lab serve --project ./my-study',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

const cli = require.resolve('electron-vite/bin/electron-vite.js');
const child = spawn(process.execPath, [cli, 'preview', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
