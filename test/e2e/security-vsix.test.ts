// The packaged .vsix carries no secret: every entry is unpacked and searched for every secret-like value
// the repository's tests and emulator use (AccessKey secrets, STS tokens, secret values, plaintexts —
// harvested from the test sources, so a fixture that slips into the package is caught), and for files
// that hold credentials by nature (.env, aliyun CLI config, credentials INI, private keys).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { repoRoot } from '../host/paths';

interface Entry { name: string; data: Buffer }

/** Every entry of a zip (stored or deflated), read through the central directory. */
function unzip(zip: Buffer): Entry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(offset), 0x02014b50, 'corrupt central directory');
    const method = zip.readUInt16LE(offset + 10);
    const compressed = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataStart, dataStart + compressed);
    entries.push({ name, data: method === 0 ? raw : inflateRawSync(raw) });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.(ts|json)$/.test(name) ? [full] : [];
  });
}

/** Secret-like literals the tests and the emulator use: `secret: '...'`, `SecurityToken = "..."`, `value: '...'`. */
function testSecrets(): Set<string> {
  const found = new Set<string>();
  const pattern = /(?:secret|token|password|plaintext|value)\w*['"]?\s*[:=]\s*['"`]([^'"`$\s{}]{10,})['"`]/gi;
  for (const file of sources(join(repoRoot, 'test'))) {
    // Header names (x-...) and secret names (a/b) are names, not values.
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) if (!/^x-/i.test(match[1]) && !match[1].includes('/')) found.add(match[1]);
  }
  return found;
}

test('the .vsix holds no secret value used by the tests and no credential file', (t) => {
  const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  const entries = unzip(readFileSync(join(repoRoot, `${name}-${version}.vsix`)));
  const needles = [...testSecrets()];
  assert.ok(needles.length > 10, `harvested the tests' secret values (${needles.length})`);

  const credentialFiles = entries.filter((e) => /(^|\/)(\.env(\..*)?|config\.json|credentials(\.ini)?|.*\.pem|id_rsa.*|.*\.key)$/i.test(e.name) && !/^extension\/(package|l10n\/)/.test(e.name));
  assert.deepEqual(credentialFiles.map((e) => e.name), [], 'no credential file is packaged');

  const hits: string[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const text = entry.data.toString('latin1');
    bytes += entry.data.length;
    for (const needle of needles) if (text.includes(needle)) hits.push(`${needle} in ${entry.name}`);
  }
  t.diagnostic(`searched ${entries.length} entries (${bytes} bytes unpacked) for ${needles.length} secret values from the test sources: ${hits.length} hits`);
  assert.deepEqual(hits, []);
});
