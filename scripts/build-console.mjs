#!/usr/bin/env node
/**
 * Builds the agent console and the customer simulator into dist/console/:
 *   index.html, simulator.html   (no-cache; point at the assets with ?v=<content hash>)
 *   console.js, simulator.js, console.css (+ .map)   (minified; cached for a year by their ?v= URL)
 * The folder is shared with tsc's output for src/console/*.ts; the router serves only the files above.
 * Everything is bundled: no CDN, no external font, no request leaves the server's origin.
 *
 *   node scripts/build-console.mjs           build once
 *   node scripts/build-console.mjs --watch   rebuild on change (development)
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src/console/client');
const out = path.join(root, 'dist/console');
const watch = process.argv.includes('--watch');

const shortHash = (buf) => createHash('sha256').update(buf).digest('hex').slice(0, 12);

function page({ title, css, js, bodyClass }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/console/${css}">
<script src="/console/${js}" defer></script>
</head>
<body class="${bodyClass}">
<noscript>Baton needs JavaScript.</noscript>
<div id="app"></div>
</body>
</html>
`;
}

async function writePages() {
  const hashOf = async (f) => shortHash(await readFile(path.join(out, f)));
  const [cssV, consoleV, simV] = await Promise.all([hashOf('console.css'), hashOf('console.js'), hashOf('simulator.js')]);
  await writeFile(path.join(out, 'index.html'), page({ title: 'Baton', css: `console.css?v=${cssV}`, js: `console.js?v=${consoleV}`, bodyClass: 'console' }));
  await writeFile(
    path.join(out, 'simulator.html'),
    page({ title: 'Baton simulator', css: `console.css?v=${cssV}`, js: `simulator.js?v=${simV}`, bodyClass: 'simulator' }),
  );
  await writeFile(path.join(out, 'build.json'), JSON.stringify({ builtAt: new Date().toISOString(), versions: { css: cssV, console: consoleV, simulator: simV } }, null, 2));
}

const options = {
  entryPoints: {
    console: path.join(src, 'console/main.tsx'),
    simulator: path.join(src, 'simulator/main.tsx'),
    'console-style': path.join(src, 'styles/console.css'),
  },
  outdir: out,
  bundle: true,
  minify: true,
  sourcemap: 'linked',
  format: 'iife',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  tsconfig: path.join(root, 'tsconfig.console.json'),
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  logLevel: 'warning',
  // The CSS entry is emitted as console-style.css; renamed below to console.css.
  plugins: [
    {
      name: 'pages',
      setup(build) {
        build.onEnd(async (result) => {
          if (result.errors.length) return;
          const { rename } = await import('node:fs/promises');
          await rename(path.join(out, 'console-style.css'), path.join(out, 'console.css'));
          await rm(path.join(out, 'console-style.css.map'), { force: true });
          await writePages();
          if (watch) console.log(`[build-console] rebuilt ${new Date().toLocaleTimeString()}`);
        });
      },
    },
  ],
};

// dist/console also holds the compiled consoleRouter.js (tsc): remove only what this script writes.
const OUTPUTS = ['index.html', 'simulator.html', 'build.json', 'console.js', 'console.js.map', 'simulator.js', 'simulator.js.map', 'console.css', 'console-style.css', 'console-style.css.map'];
await mkdir(out, { recursive: true });
await Promise.all(OUTPUTS.map((f) => rm(path.join(out, f), { force: true })));
if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
  console.log('[build-console] watching src/console/client …');
} else {
  const result = await esbuild.build({ ...options, metafile: true });
  const sizes = Object.entries(result.metafile.outputs)
    .filter(([f]) => !f.endsWith('.map'))
    .map(([f, o]) => `${path.basename(f).replace('console-style.css', 'console.css')} ${(o.bytes / 1024).toFixed(1)} KiB`);
  console.log(`[build-console] dist/console: ${sizes.join(', ')}`);
}
