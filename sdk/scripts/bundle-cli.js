#!/usr/bin/env node
// Bundles the dmesh CLI into dist/bundle/: dmesh.js (the entry bin/dmesh.js imports), worker.js (the data-test
// worker, next to the chunks so `new URL('./worker.js', import.meta.url)` finds it) and shared chunks, one per
// lazily imported command. Why: resolving and loading ~110 ES modules and ajv's CommonJS files was about a third
// of a short `dmesh test` (whole process, 1,000 records, --workers 1: 0.31 s → 0.20 s CPU when bundled).
// The library (dist/index.js) stays unbundled. @dmesh/contracts stays external: it finds its schemas and
// build-time validators next to its own files. Optional engines stay external: they may not be installed.
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
/**
 * One ajv in the bundle: ajv-formats may get its own copy of ajv installed beside it (the repository root
 * has eslint's ajv 6, so npm nests an ajv 8 under ajv-formats), which doubled ajv in the bundle (+235 KB
 * to parse on every start) and gave the formats another codegen than the validators they are added to.
 */
const ajvDir = dirname(require.resolve('ajv/package.json'));
const oneAjv = {
  name: 'one-ajv',
  setup(b) {
    b.onResolve({ filter: /^ajv(\/.*)?$/ }, (args) => ({
      path: require.resolve(args.path.replace(/^ajv/, ajvDir)),
    }));
  },
};

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const outdir = new URL('../dist/bundle/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: { dmesh: 'dist/cli/main.js', worker: 'dist/io/data/worker.js' },
  absWorkingDir: new URL('..', import.meta.url).pathname,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['@dmesh/contracts', ...Object.keys(pkg.optionalDependencies ?? {})],
  // Bundled CommonJS (ajv) calls require() for Node built-ins; ES modules have none.
  banner: {
    js: "import { createRequire as __dmeshRequire } from 'node:module';\nconst require = __dmeshRequire(import.meta.url);",
  },
  plugins: [oneAjv],
  legalComments: 'none',
  logLevel: 'warning',
});
