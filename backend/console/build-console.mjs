#!/usr/bin/env node
// Builds the staff console (React, Ant Design, ECharts) into backend/dist/console/: index.html plus content-hashed,
// code-split ES modules and their gzip twins in assets/, and esbuild's metafile (what each file is made of; not
// served) for the bundle-size test. Plain JavaScript because it runs from `npm run build` right after `tsc -b`.
// Usage: node backend/console/build-console.mjs [--outdir DIR]
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const entry = 'backend/console/src/main.tsx';
const { values } = parseArgs({ options: { outdir: { type: 'string', default: join(root, 'backend/dist/console') } } });
const outdir = values.outdir;

await rm(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: [entry],
  outdir: join(outdir, 'assets'),
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  metafile: true,
  // The browsers a bank's desktop runs, including Chromium 109, the last on Windows 7.
  target: ['chrome109', 'edge109', 'firefox115', 'safari15'],
  jsx: 'automatic',
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  assetNames: '[name]-[hash]',
  loader: { '.svg': 'file', '.png': 'file', '.woff2': 'file' },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});

const outputs = Object.entries(result.metafile.outputs);
const [entryFile, entryOutput] = outputs.find(([, output]) => output.entryPoint === entry) ?? [];
if (!entryFile || !entryOutput) throw new Error(`console build: no output for ${entry}`);
const assetUrl = (file) => `/console/assets/${file.split('/').pop()}`;
const preloads = entryOutput.imports.filter((imported) => imported.kind === 'import-statement');
const tags = [
  ...(entryOutput.cssBundle ? [`<link rel="stylesheet" href="${assetUrl(entryOutput.cssBundle)}">`] : []),
  ...preloads.map((imported) => `<link rel="modulepreload" href="${assetUrl(imported.path)}">`),
  `<script type="module" src="${assetUrl(entryFile)}"></script>`,
];
const template = await readFile(join(root, 'backend/console/src/index.html'), 'utf8');
await writeFile(join(outdir, 'index.html'), template.replace('<!-- kefu:assets -->', tags.join('\n')));
await writeFile(join(outdir, 'metafile.json'), JSON.stringify(result.metafile));

// Compressed once here rather than on every request: the app sends the .gz twin to browsers that accept gzip.
await mkdir(join(outdir, 'assets'), { recursive: true });
for (const file of await readdir(join(outdir, 'assets'))) {
  if (!/\.(js|css|svg)$/.test(file)) continue;
  const content = await readFile(join(outdir, 'assets', file));
  await writeFile(join(outdir, 'assets', `${file}.gz`), gzipSync(content, { level: 9 }));
}
process.stdout.write(`console: built ${outputs.length} files into ${outdir}\n`);
