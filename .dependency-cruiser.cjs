/**
 * Module boundaries (STYLE.md): no cycles; a feature module reaches another only through its index.ts; shared code
 * and the NLU library never reach into features; product code never imports test code.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle means a responsibility sits in the wrong module: move it (often into an event).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'only-through-module-index',
      severity: 'error',
      comment: "Import another module's public API (modules/<name>/index.ts), never its internals.",
      from: { path: '^backend/src/modules/([^/]+)/' },
      to: {
        path: '^backend/src/modules/[^/]+/',
        pathNot: ['^backend/src/modules/$1/', '^backend/src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'common-stays-below-modules',
      severity: 'error',
      comment: 'backend/src/common belongs to no capability and must not depend on one.',
      from: { path: '^backend/src/common/' },
      to: { path: '^backend/src/modules/' },
    },
    {
      name: 'models-library-is-standalone',
      severity: 'error',
      comment: 'models/ is a library used by the trainer and the backend; it never imports the backend.',
      from: { path: '^models/' },
      to: { path: '^backend/' },
    },
    {
      name: 'no-test-code-in-product',
      severity: 'error',
      from: { path: '^(backend|models)/src/', pathNot: '\\.spec\\.ts$' },
      to: { path: '(^backend/test/|^models/test/|\\.spec\\.ts$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.tests.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '(^|/)dist/' },
  },
};
