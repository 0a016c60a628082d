import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Metafile {
  outputs: Record<
    string,
    {
      entryPoint?: string;
      imports: { path: string; kind: string }[];
      inputs: Record<string, unknown>;
    }
  >;
}

const repoRoot = new URL('../../', import.meta.url).pathname;
const ENTRY = 'backend/console/src/main.tsx';
/** Issue 7: the first screen's JavaScript stays under 1.5 MB gzipped. */
const FIRST_SCREEN_LIMIT_BYTES = 1.5 * 1024 * 1024;

/**
 * Builds the console for production exactly as `npm run build` does (into a folder of its own) and weighs what a
 * browser must fetch before the first screen: the entry module and everything it imports statically. Screens and
 * ECharts load on demand and are not part of it.
 */
describe('the production build of the staff console', () => {
  let outdir: string;
  let metafile: Metafile;

  beforeAll(async () => {
    outdir = await mkdtemp(join(tmpdir(), 'kefu-console-build-'));
    const build = spawnSync(process.execPath, ['backend/console/build-console.mjs', '--outdir', outdir], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`console build failed: ${build.stderr}`);
    metafile = JSON.parse(await readFile(join(outdir, 'metafile.json'), 'utf8'));
  });
  afterAll(() => rm(outdir, { recursive: true, force: true }));

  /** The entry's output and, transitively, every output it imports with a static import statement. */
  function firstScreenFiles(): string[] {
    const entry = Object.keys(metafile.outputs).find((file) => metafile.outputs[file]?.entryPoint === ENTRY);
    if (!entry) throw new Error(`no output for ${ENTRY}`);
    const files = new Set<string>();
    const visit = (file: string) => {
      if (files.has(file)) return;
      files.add(file);
      const output = metafile.outputs[file];
      for (const imported of output?.imports ?? []) if (imported.kind === 'import-statement') visit(imported.path);
    };
    visit(entry);
    return [...files];
  }

  it('keeps the first screen under 1.5 MB of gzipped JavaScript', async () => {
    let gzipped = 0;
    for (const file of firstScreenFiles()) gzipped += gzipSync(await readFile(join(repoRoot, file))).length;
    process.stdout.write(
      `console first screen: ${firstScreenFiles().length} files, ${(gzipped / 1024).toFixed(1)} KiB gzipped\n`,
    );
    expect(gzipped).toBeLessThan(FIRST_SCREEN_LIMIT_BYTES);
  });

  it('leaves ECharts out of the first screen and loads it as a chunk of its own', () => {
    const holdsECharts = (file: string) =>
      Object.keys(metafile.outputs[file]?.inputs ?? {}).some((input) => input.startsWith('node_modules/echarts/'));
    expect(firstScreenFiles().filter(holdsECharts)).toEqual([]);
    expect(Object.keys(metafile.outputs).filter(holdsECharts)).toHaveLength(1);
  });

  it('names every file by its content hash and loads the entry from index.html without inline script', async () => {
    const assets = Object.keys(metafile.outputs).map((file) => file.split('/').pop() ?? '');
    for (const name of assets) expect(name).toMatch(/^(main|chunk)-[A-Z0-9]{8}\.(js|css)$/);
    const page = await readFile(join(outdir, 'index.html'), 'utf8');
    const scripts = [...page.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]?.[0]).toMatch(/^<script type="module" src="\/console\/assets\/main-[A-Z0-9]{8}\.js"><\/script>$/);
    expect(page).not.toMatch(/https?:\/\//);
  });
});
