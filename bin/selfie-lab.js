#!/usr/bin/env node
// The `selfie-lab` command. It runs the TypeScript sources through tsx, so it works right after `npm ci`
// with no build step (only `serve` needs the built renderer, and builds it once if it is missing).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
