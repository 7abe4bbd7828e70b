// The hint catalog (src/cloud/hintCatalog.ts): every error code the emulator can return has a hint or is
// listed in GENERIC_CODES on purpose; hints are keys plus arguments (never recognised by their English);
// actions name real commands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatHint, GENERIC_CODES, hintFor, hintForCode } from '../../src/cloud/hintCatalog';
import { CloudError } from '../../src/cloud/cloudError';
import { COMMAND_IDS } from '../../src/commandIds';

const EMULATOR = join(__dirname, '..', 'emulator');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : []));
}

/**
 * The codes the emulator's sources can answer with, found where they are made: `new ApiError(status, 'Code'`,
 * `invalid('Code'`, `notFound('Code'`, a per-instance `fail(id, 'Code'`, the `DENIED` table, `missing()`;
 * a code built from a template (`InvalidParameter.${name}`) counts as its family prefix.
 */
function emulatorCodes(): { exact: Set<string>; families: Set<string> } {
  const exact = new Set<string>();
  const families = new Set<string>();
  const code = String.raw`([A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*)`;
  const literal = new RegExp(String.raw`(?:ApiError\(\s*\d+\s*,\s*|\binvalid\(\s*|\bnotFound\(\s*|\bfail\(\s*\w+\s*,\s*|^\s*\w+: \[\s*)['\x60]${code}['\x60]`, 'gm');
  const template = /['`]([A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*)\.\$\{/g;
  for (const file of files(EMULATOR)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(literal)) exact.add(m[1]);
    for (const m of text.matchAll(template)) if (/(?:invalid|notFound|ApiError)\(\s*(?:\d+\s*,\s*)?`$/.test(text.slice(Math.max(0, m.index! - 30), m.index! + 1))) families.add(m[1]);
  }
  return { exact, families };
}

test('every code the emulator can return has a hint, or is deliberately generic', () => {
  const { exact, families } = emulatorCodes();
  // The extraction sees the emulator's vocabulary (a sanity floor, so a changed helper name cannot empty it).
  for (const known of ['SignatureDoesNotMatch', 'NoPermission', 'Forbidden.KeyNotFound', 'EntityNotExist.Role', 'InvalidInstanceId.NotFound', 'MissingParameter', 'Throttling.User', 'ServiceUnavailable']) {
    assert.ok(exact.has(known), `the emulator's ${known} was found (found ${[...exact].join(', ')})`);
  }
  assert.ok(families.has('InvalidParameter'), 'InvalidParameter.<name> is found as a family');
  const missing = [...exact, ...[...families].map((f) => `${f}.Anything`)].filter((c) => !hintForCode(c) && !(c in GENERIC_CODES));
  console.log(`    ${exact.size} emulator codes and ${families.size} families: ${[...exact].filter((c) => c in GENERIC_CODES).length} generic on purpose, the rest with a hint`);
  assert.deepEqual(missing, [], 'codes the emulator returns with neither a hint nor a GENERIC_CODES entry');
  // A generic code must not also have a hint (one or the other, so the list stays true).
  assert.deepEqual(Object.keys(GENERIC_CODES).filter((c) => hintForCode(c)), []);
});

test('hints are keys with arguments; the English text fills the placeholders', () => {
  const denied = hintFor('NoPermission', { accessDenied: { action: 'kms:Encrypt', resource: 'acs:kms:cn-hangzhou:1:key/k' } })!;
  assert.deepEqual(denied, { key: 'The caller lacks the permission {0} on {1}. Grant it with a RAM policy.', args: ['kms:Encrypt', 'acs:kms:cn-hangzhou:1:key/k'], action: 'alicloudKms.grantKmsAccess' });
  assert.equal(formatHint(denied), 'The caller lacks the permission kms:Encrypt on acs:kms:cn-hangzhou:1:key/k. Grant it with a RAM policy.');
  const passRole = hintFor('Forbidden.RAM', { accessDenied: { action: 'ram:PassRole', resource: 'acs:ram:*:1:role/r' } })!;
  assert.match(passRole.key, /\{0\} on \{1\}.*ram:PassRole on that role/);
  assert.equal(passRole.action, undefined, 'a refused RAM action needs an administrator, not Grant KMS Access');
  assert.equal(hintFor('NoPermission', { accessDenied: { action: 'ram:CreateRole' } })!.key, 'The caller lacks the permission {0}. Grant it with a RAM policy.');
  // Context beyond the code: pending deletion by message, 5xx by status, the service's Recommend last.
  assert.match(hintFor('Forbidden.KeyNotEnabled', { message: 'Key state is PendingDeletion' })!.key, /pending deletion/);
  assert.match(hintFor('Forbidden.KeyNotEnabled', { message: 'Key state is Disabled' })!.key, /disabled/);
  assert.match(hintFor('Whatever', { httpStatus: 503 })!.key, /internal error/);
  assert.deepEqual(hintFor('Whatever', { recommend: 'https://example.invalid/x' }), { key: 'The service recommends: {0}', args: ['https://example.invalid/x'] });
  assert.equal(hintFor('Whatever'), undefined);
  // Families: the exact entry wins over its family.
  assert.match(hintForCode('InvalidSecurityToken.Expired')!.key, /expired/);
  assert.match(hintForCode('InvalidSecurityToken.MismatchWithAccessKey')!.key, /does not belong/);
  assert.match(hintForCode('Throttling.User')!.key, /throttling/);
  assert.equal(hintForCode('ThrottlingX'), undefined, 'a family matches whole segments only');
});

test('a CloudError takes its hint from the catalog by code unless one is given; actions are real commands', () => {
  const e = new CloudError({ code: 'Metadata.NoRole', message: 'No RAM role is attached.' });
  assert.equal(e.hintRef?.action, 'alicloudKms.attachRole');
  assert.match(e.hint ?? '', /Attach an instance RAM role/);
  assert.equal(new CloudError({ code: 'Metadata.NoRole', message: 'x', hint: { key: 'other', args: [] } }).hint, 'other');
  const ids = new Set<string>(COMMAND_IDS);
  const codes = ['InvalidAccessKeyId.NotFound', 'SignatureDoesNotMatch', 'InvalidSecurityToken.Expired', 'InvalidRamRole.NotEqual', 'InvalidRamRole.NotEcsRole', 'InvalidRamRole.NotFound', 'Metadata.NoRole', 'ProfileNotFound', 'InvalidRegionId.MalFormed'];
  for (const code of codes) {
    const action = hintForCode(code)?.action;
    assert.ok(action && ids.has(action), `${code}: ${action} is a command id`);
  }
});
