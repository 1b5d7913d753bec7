#!/usr/bin/env node
// Runs the TypeScript command line through tsx, so `npx needlewise` works in a checkout.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit', cwd: process.cwd() },
);
process.exit(r.status ?? 1);
