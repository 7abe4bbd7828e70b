// The packaged .vsix (from `npm run package`) holds what the extension needs at run time and nothing
// else: no sources, tests, maps, node_modules or configs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../host/paths';

/** Entry names from a zip's central directory (enough for a .vsix: no zip64, no multi-disk). */
function zipEntries(zip: Buffer): string[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(offset), 0x02014b50, 'corrupt central directory');
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

test('the .vsix ships the bundles (bootstrap, implementation, SDKs) and the manifest, without sources, tests or maps', () => {
  const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  const entries = zipEntries(readFileSync(join(repoRoot, `${name}-${version}.vsix`)));
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
