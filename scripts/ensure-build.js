#!/usr/bin/env node
// `npm start` runs this first: it compiles src/ into dist/ only when dist/ is missing or older
// than any source file, so a fresh clone starts with one command and a restart is instant.
const { statSync, readdirSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const { execFileSync } = require('node:child_process');

const root = join(__dirname, '..');
function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const entry = join(root, 'dist', 'main.js');
const consoleEntry = join(root, 'dist', 'console', 'index.html');
const built = existsSync(entry) && existsSync(consoleEntry) ? Math.min(statSync(entry).mtimeMs, statSync(consoleEntry).mtimeMs) : 0;
const stale = built < Math.max(newest(join(root, 'src')), statSync(join(root, 'tsconfig.json')).mtimeMs);
if (stale) {
  process.stderr.write('Building Baton (src/ changed since the last build)...\n');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });
  execFileSync(process.execPath, [join(root, 'scripts', 'build-console.mjs')], { stdio: 'inherit' });
}
