// The packaged .vsix (from `npm run package`) holds what the extension needs at run time and nothing
// else: no sources, tests, maps, node_modules or configs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readVsix } from './support/vsix';

test('the .vsix ships the bundles (bootstrap, implementation, SDKs) and the manifest, without sources, tests or maps', () => {
  const entries = readVsix().map((entry) => entry.name);
  for (const required of ['extension/package.json', 'extension/package.nls.json', 'extension/package.nls.zh-cn.json', 'extension/dist/extension.js', 'extension/dist/main.js', 'extension/dist/sdk.js', 'extension/readme.md']) {
    assert.ok(entries.includes(required), `${required} missing from the .vsix`);
  }
  const forbidden = entries.filter((entry) =>
    /^extension\/(src|test|bench|scripts|node_modules|out|\.vscode-test|\.ci)\//.test(entry) ||
    /\.(ts|map|mjs|tsbuildinfo)$/.test(entry) ||
    /^extension\/(tsconfig\.json|esbuild\.mjs|eslint\.config\.mjs|package-lock\.json|\.gitignore|\.vscodeignore)$/.test(entry),
  );
  assert.deepEqual(forbidden, []);
});
