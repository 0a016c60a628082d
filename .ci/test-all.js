#!/usr/bin/env node
// `npm test`: every quality gate, then every test against real PostgreSQL — the e2e tests, when run as root, inside
// a network namespace that has only loopback (proof that nothing needs the internet at run time; they reach the local
// PostgreSQL through its unix socket). Plain JavaScript because it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const resultsDir = join('.kefu', 'test-results');
mkdirSync(resultsDir, { recursive: true });
const jestEnv = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim() };
const bin = (name) => join('node_modules', '.bin', name);

const steps = [
  { name: 'type check', command: [bin('tsc'), '-p', 'tsconfig.tests.json'] },
  { name: 'lint and format', command: [bin('biome'), 'check', '.'] },
  {
    name: 'module boundaries',
    command: [bin('depcruise'), '--config', '.dependency-cruiser.cjs', 'backend/src', 'models/src'],
  },
  { name: 'build', command: [bin('tsc'), '-b'] },
  { name: 'console build', command: ['node', join('backend', 'console', 'build-console.mjs')] },
  browserStep(),
  ...testSteps(),
].filter(Boolean);

let passed = 0;
let failed = 0;
const failedSteps = [];
for (const step of steps) {
  process.stdout.write(`\n=== ${step.name}\n`);
  const outcome = spawnSync(step.command[0], step.command.slice(1), { stdio: 'inherit', env: step.env ?? jestEnv });
  if (step.results) {
    const counts = readCounts(step.results);
    passed += counts.passed;
    failed += counts.failed;
  }
  if (outcome.status !== 0) failedSteps.push(step.name);
}

process.stdout.write('\n');
if (failedSteps.length > 0) process.stdout.write(`failed steps: ${failedSteps.join(', ')}\n`);
process.stdout.write(`kefu: ${passed} passed, ${failed} failed\n`);
process.exit(failedSteps.length > 0 ? 1 : 0);

function jestCommand(label, ...args) {
  return [bin('jest'), '--json', `--outputFile=${join(resultsDir, `${label}.json`)}`, ...args];
}

/** Every test once: the e2e ones offline when this process may create a network namespace, else all together. */
function testSteps() {
  if (process.getuid?.() !== 0) {
    process.stdout.write('note: not root, so the e2e tests run without the offline (network namespace) check\n');
    return [{ name: 'tests', command: jestCommand('all'), results: 'all' }];
  }
  const offline = jestCommand('offline', '--selectProjects', 'e2e').join(' ');
  const env = { ...jestEnv };
  delete env.TEST_DATABASE_URL;
  return [
    {
      name: 'unit and delivery tests',
      command: jestCommand('all', '--selectProjects', 'unit', 'delivery'),
      results: 'all',
    },
    {
      name: 'e2e tests offline (network namespace with loopback only)',
      command: ['unshare', '--net', 'sh', '-c', `ip link set lo up && ${offline}`],
      env,
      results: 'offline',
    },
  ];
}

/**
 * The browser tests drive Debian's Chromium through playwright-core; installed here when missing (as root, via apt),
 * with a small Chinese font (文泉驿微米黑) so the console's and widget's screenshots show text rather than boxes.
 */
const BROWSER_PACKAGES = 'chromium fonts-wqy-microhei';
function browserStep() {
  if (existsSync('/usr/bin/chromium') && existsSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc')) return undefined;
  if (process.getuid?.() !== 0) {
    process.stdout.write(
      'note: chromium or its Chinese font is missing and only root can install them; browser tests may fail\n',
    );
    return undefined;
  }
  return {
    name: 'browser for the UI tests (Debian chromium and a Chinese font)',
    command: [
      'sh',
      '-c',
      `apt-get install -y ${BROWSER_PACKAGES} || (apt-get update && apt-get install -y ${BROWSER_PACKAGES})`,
    ],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  };
}

function readCounts(label) {
  try {
    const report = JSON.parse(readFileSync(join(resultsDir, `${label}.json`), 'utf8'));
    return { passed: report.numPassedTests, failed: report.numFailedTests + report.numRuntimeErrorTestSuites };
  } catch {
    return { passed: 0, failed: 1 };
  }
}
