import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One file the app serves to browsers, read once at start. */
export interface StaticAsset {
  contentType: string;
  body: Buffer;
}

// backend/ from backend/src/modules/console (tests) or backend/dist/modules/console (built): the same three levels up.
const backendRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The widget script (compiled by `tsc -b` from backend/widget/ into backend/dist/widget/) and the Socket.IO browser
 * client it runs on, served from Kefu itself: a bank's page loads nothing from any other server.
 */
export async function loadWidgetAssets(): Promise<Record<string, StaticAsset>> {
  const socketIoClient = dirname(createRequire(import.meta.url).resolve('socket.io-client/package.json'));
  const javascript = 'text/javascript; charset=utf-8';
  return {
    'kefu-widget.js': {
      contentType: javascript,
      body: await readFile(join(backendRoot, 'dist/widget/kefu-widget.js')),
    },
    'socket.io.min.js': {
      contentType: javascript,
      body: await readFile(join(socketIoClient, 'dist/socket.io.min.js')),
    },
  };
}
