import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One content-hashed file of the console build, with its gzip twin written by the build. */
export interface ConsoleAsset {
  contentType: string;
  body: Buffer;
  gzipped?: Buffer;
}

/** The console's page, split where each response puts its own CSP nonce. */
export interface ConsoleBuild {
  page: { beforeNonce: string; afterNonce: string };
  assets: ReadonlyMap<string, ConsoleAsset>;
}

/** The placeholder backend/console/build-console.mjs leaves in index.html. */
const NONCE_PLACEHOLDER = '__KEFU_CSP_NONCE__';

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

// backend/ from backend/src/modules/console (tests) or backend/dist/modules/console (built): the same three levels up.
const consoleDist = fileURLToPath(new URL('../../../dist/console/', import.meta.url));

/**
 * The console built by `npm run build` (esbuild, backend/console/build-console.mjs) into backend/dist/console/, read
 * once at start. A missing build stops the start: an app without its console is a broken install, not a degraded one.
 */
export async function loadConsoleBuild(): Promise<ConsoleBuild> {
  if (!existsSync(join(consoleDist, 'index.html'))) {
    throw new Error(`console: ${consoleDist}index.html is missing; run npm run build`);
  }
  const [beforeNonce, afterNonce, ...extra] = (await readFile(join(consoleDist, 'index.html'), 'utf8')).split(
    NONCE_PLACEHOLDER,
  );
  if (afterNonce === undefined || extra.length > 0) throw new Error('console: index.html needs exactly one nonce slot');
  const assets = new Map<string, ConsoleAsset>();
  const assetsDir = join(consoleDist, 'assets');
  const files = await readdir(assetsDir);
  for (const file of files.filter((name) => Object.hasOwn(contentTypes, extname(name)))) {
    assets.set(file, {
      contentType: contentTypes[extname(file)],
      body: await readFile(join(assetsDir, file)),
      gzipped: files.includes(`${file}.gz`) ? await readFile(join(assetsDir, `${file}.gz`)) : undefined,
    });
  }
  return { page: { beforeNonce, afterNonce }, assets };
}
