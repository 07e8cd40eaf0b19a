import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Three bundles: the Electron main process (with the ML host and face detection worker entries beside it, see
// core/runtime/script-entry.ts), the sandboxed preload (CommonJS, as Electron's sandbox requires), and the renderer
// (also served by `selfie-lab serve`).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          'ml-host.worker': resolve('src/main/core/ml/ml-host.worker.ts'),
          'face-detection.worker': resolve('src/main/core/faces/face-detection.worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require('electron') and nothing else: bundle every dependency into it.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
