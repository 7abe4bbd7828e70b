// The packaged .vsix carries no secret: every entry is unpacked and searched for every secret-like value
// the repository's tests and emulator use (AccessKey secrets, STS tokens, secret values, plaintexts —
// harvested from the test sources, so a fixture that slips into the package is caught), and for files
// that hold credentials by nature (.env, aliyun CLI config, credentials INI, private keys).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../host/paths';
import { readVsix } from './support/vsix';

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
  const entries = readVsix();
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
