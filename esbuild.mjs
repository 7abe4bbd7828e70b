// Builds the extension.
//   dist/extension.js  the bootstrap VS Code loads at activation: registers commands and views by id only.
//   dist/main.js       the implementation (services, commands, views, cloud layer without the SDKs),
//                      required by the bootstrap on first need (src/bootstrap/loadMain.ts).
//   dist/sdk.js        the @alicloud/* SDKs, required on the first cloud call (DESIGN.md: ~4 MB, ~0.8 s).
//   out/test/...       with --tests: the extension-host test suite, bundled with mocha.
// Flags: --production (minify, no source maps), --watch, --tests.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  external: ['vscode'],
  // jsonc-parser's "main" is a UMD file whose require() calls esbuild cannot follow (the bundle would
  // fail at run time with "Cannot find module './impl/format'"); its ES module build bundles cleanly.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  // The fleet check's on-instance script travels inside the bundle as a string (no source file in the .vsix).
  loader: { '.py': 'text' },
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' },
  { ...common, entryPoints: ['src/main.ts'], outfile: 'dist/main.js' },
];
if (existsSync('src/cloud/sdkBundle.ts')) {
  builds.push({ ...common, entryPoints: ['src/cloud/sdkBundle.ts'], outfile: 'dist/sdk.js' });
}

function listTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return listTests(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

if (tests) {
  // Each test file and the runner become one CommonJS file each under out/; they import src/ directly,
  // so the services they build share no module state with the installed extension.
  builds.push({
    ...common,
    minify: false,
    sourcemap: 'inline',
    entryPoints: listTests('test/extension'),
    outdir: 'out/test/extension',
    outbase: 'test/extension',
    external: ['vscode', 'mocha'],
  });
}

if (watch) {
  for (const options of builds) (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
