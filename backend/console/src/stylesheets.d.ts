// Stylesheets are bundled by esbuild (build-console.mjs); TypeScript only needs to know the import is intended.
declare module '*.css';
