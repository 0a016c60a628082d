import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const backendDist = fileURLToPath(new URL('../../dist/', import.meta.url));

export const mainScript = `${backendDist}main.js`;
export const kefuCommand = `${backendDist}cli/kefu.js`;

/** The built program, run as an operator would; the test command builds it before the tests run. */
export function builtScript(path: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first (npm test does)`);
  return path;
}

/** Only what a fresh shell would have: no DATABASE_URL or other Kefu setting leaks in from the test runner. */
export function cleanEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...settings };
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [builtScript(script), ...args], { env });
    collect(child).then(resolve);
  });
}

export function collect(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

export { freePort } from '../../src/common/net/free-port.ts';

export async function eventually(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
