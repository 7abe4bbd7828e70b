// Property-based tests of the files and documents the extension reads but does not control: the aliyun
// CLI config (~/.aliyun/config.json), the SDKs' credentials INI file and the metadata service's role
// credential document. Whatever they hold, parsing never throws anything but a CloudError, an unusable
// profile says why in words, and no secret from the input reaches the display data or a message.
// Fixed seed so a failure reproduces; each property reports how many cases it ran.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseAliyunConfig } from '../../src/cloud/credentials/aliyunCliConfig';
import { parseCredentialsFile, parseIni } from '../../src/cloud/credentials/credentialsFile';
import { parseInstanceCredential } from '../../src/cloud/metadata/credentialJson';
import { CloudError, type ProfileKind } from '../../src/cloud/types';

const SEED = 20261130;
const RUNS = 500;
const KNOWN_KINDS: ProfileKind[] = ['AK', 'StsToken', 'RamRoleArn', 'EcsRamRole', 'ChainableRamRoleArn', 'OIDC', 'CloudSSO', 'External', 'CredentialsURI', 'RsaKeyPair', 'Unknown'];

function run<T>(t: { diagnostic(message: string): void }, name: string, arb: fc.Arbitrary<T>, check: (value: T) => void, numRuns = RUNS): void {
  let cases = 0;
  fc.assert(fc.property(arb, (value) => {
    cases++;
    check(value);
  }), { seed: SEED, numRuns });
  t.diagnostic(`${name}: ${cases} cases (seed ${SEED})`);
}

// Secrets are recognisable tokens, so a leak is a substring hit whatever the surrounding text.
const secret = fc.stringMatching(/^[A-Za-z0-9]{6,12}$/).map((s) => `SECRET${s}`);
const wrongType = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }));
// Object-prototype names are the classic way a lookup table answers for a key it never had.
const modeName = fc.oneof(
  fc.constantFrom('AK', 'StsToken', 'RamRoleArn', 'EcsRamRole', 'ChainableRamRoleArn', 'OIDC', 'CloudSSO', 'External', 'CredentialsURI', 'RsaKeyPair', 'OAuth'),
  fc.constantFrom('constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'ak', ''),
  fc.string({ maxLength: 12 }),
  wrongType,
);
const field = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, wrongType, fc.constant(''), fc.constant('   '));

const cliProfile = fc.record({
  name: field(fc.constantFrom('default', 'dev', 'prod', 'constructor', '__proto__')),
  mode: modeName,
  access_key_id: field(fc.constant('LTAI5tFuzzKeyId00001')),
  access_key_secret: field(secret),
  sts_token: field(secret),
  ram_role_arn: field(fc.constantFrom('acs:ram::1688000000000001:role/fuzz', 'not-an-arn')),
  ram_role_name: field(fc.constantFrom('FuzzRole', 'x')),
  source_profile: field(fc.constantFrom('default', 'dev', 'prod', 'missing')),
  expired_seconds: fc.oneof(fc.integer({ min: -10, max: 50000 }), wrongType),
  region_id: field(fc.constantFrom('cn-hangzhou', 'xx')),
}, { requiredKeys: [] });

const cliDocument = fc.oneof(
  fc.record({ current: field(fc.constantFrom('default', 'dev', 'nope')), profiles: fc.oneof(fc.array(fc.oneof(cliProfile, wrongType), { maxLength: 5 }), wrongType) }, { requiredKeys: [] })
    .map((doc) => JSON.stringify(doc)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('', '{', '{"profiles": [', 'null', '[]', '"text"', '{"profiles": {}}', '\u0000\u0001', '<html><body>502</body></html>'),
);

function secretsIn(text: string): string[] {
  return [...new Set(text.match(/SECRET[A-Za-z0-9]{6,12}/g) ?? [])];
}

function assertUsableOrExplained(profile: { kind: unknown; usable: boolean; unusableReason?: unknown; id: string }): void {
  assert.ok(KNOWN_KINDS.includes(profile.kind as ProfileKind), `kind is a known name: ${String(profile.kind)}`);
  if (!profile.usable) {
    assert.equal(typeof profile.unusableReason, 'string', `${profile.id}: an unusable profile says why`);
    assert.ok((profile.unusableReason as string).length > 10 && !/undefined|\[object|function /.test(profile.unusableReason as string), `${profile.id}: ${String(profile.unusableReason)}`);
  }
}

test('fuzz: the aliyun CLI config — corrupt JSON, wrong types, missing fields, unknown modes', (t) => {
  let corrupt = 0;
  let unusable = 0;
  run(t, 'parseAliyunConfig(any document)', cliDocument, (json) => {
    const result = parseAliyunConfig(json, '/home/u/.aliyun/config.json');
    for (const w of result.warnings) assert.match(w, /^\/home\/u\/\.aliyun\/config\.json: /, 'a warning names the file');
    let valid = true;
    try {
      JSON.parse(json);
    } catch {
      valid = false;
    }
    if (!valid) {
      corrupt++;
      assert.equal(result.entries.length, 0);
      assert.match(result.warnings[0] ?? '', /not valid JSON/);
    }
    for (const entry of result.entries) {
      assertUsableOrExplained(entry.profile);
      if (!entry.profile.usable) unusable++;
      // Display data never carries a secret of the file.
      assert.deepEqual(secretsIn(JSON.stringify(entry.profile)), [], 'no secret in the profile shown to the UI');
    }
    if (result.current !== undefined) assert.equal(typeof result.current, 'string');
  });
  t.diagnostic(`corrupt documents: ${corrupt}, unusable profiles explained: ${unusable}`);
});

test('fuzz: an unknown aliyun CLI mode is listed as unusable and names the mode', (t) => {
  run(t, 'unknown modes', fc.oneof(fc.constantFrom('constructor', 'toString', '__proto__', 'hasOwnProperty', 'Magic'), fc.stringMatching(/^[A-Za-z]{1,10}$/))
    .filter((m) => !['AK', 'StsToken', 'RamRoleArn', 'EcsRamRole', 'ChainableRamRoleArn', 'OIDC', 'CloudSSO', 'External', 'CredentialsURI', 'RsaKeyPair', 'OAuth'].includes(m)), (mode) => {
    const result = parseAliyunConfig(JSON.stringify({ profiles: [{ name: 'p', mode, access_key_id: 'LTAI5tFuzz', access_key_secret: 'SECRETabcdefg' }] }), 'config.json');
    const [entry] = result.entries;
    assert.equal(entry.profile.kind, 'Unknown');
    assert.equal(entry.profile.usable, false);
    assert.equal(entry.profile.unusableReason, `Unknown aliyun CLI mode ${JSON.stringify(mode)}.`);
  });
});

const SECRET_KEYS = ['access_key_secret', 'security_token'];
const plainValue = fc.oneof(fc.string({ maxLength: 20 }).map((s) => s.replace(/[\r\n]/g, ' ')), fc.constantFrom('access_key', 'sts', 'ecs_ram_role', 'ram_role_arn', 'oidc_role_arn', 'rsa_key_pair', 'bogus', 'constructor', '__proto__', 'false'));
const iniKey = fc.constantFrom('type', 'access_key_id', 'access_key_secret', 'security_token', 'role_arn', 'role_name', 'enable', 'region_id', '__proto__', 'constructor', 'toString', 'junk');
const iniPair = iniKey.chain((k) => (SECRET_KEYS.includes(k) ? fc.oneof(secret, plainValue) : plainValue).map((v) => [k, v] as const));
const iniLine = fc.oneof(
  iniPair.map(([k, v]) => `${k} = ${v}`),
  iniPair.map(([k, v]) => `${k}="${v}"`),
  fc.constantFrom('[default]', '[__proto__]', '[constructor]', '[]', '[unclosed', '# comment', '; comment', '=novalue', 'no equals sign', ''),
  fc.string({ maxLength: 30 }).filter((s) => !s.includes('SECRET')),
);
const iniText = fc.array(iniLine, { maxLength: 14 }).chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => lines.join(eol)));

test('fuzz: the credentials INI file — any text, odd sections and keys, unknown types', (t) => {
  let entries = 0;
  run(t, 'parseCredentialsFile(any text)', iniText, (ini) => {
    parseIni(ini);
    for (const entry of parseCredentialsFile(ini, '/home/u/.alibabacloud/credentials')) {
      entries++;
      assertUsableOrExplained(entry.profile);
      assert.equal(entry.profile.file, '/home/u/.alibabacloud/credentials');
      assert.deepEqual(secretsIn(JSON.stringify(entry.profile)), [], 'no secret in the profile shown to the UI');
    }
  });
  t.diagnostic(`profiles parsed and checked: ${entries}`);
});

const NOW = Date.parse('2026-11-30T03:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const credentialDoc = fc.record({
  Code: fc.oneof(fc.constant('Success'), fc.constantFrom('Failed', 'success', ''), wrongType),
  AccessKeyId: field(fc.constant('STS.NFuzz000000000000')),
  AccessKeySecret: field(secret),
  SecurityToken: field(secret),
  Expiration: fc.oneof(
    fc.integer({ min: -7200, max: 7200 }).map((s) => iso(NOW + s * 1000)),
    fc.constantFrom('2026-11-30 04:00:00', '2026-11-30T04:00:00.000Z', 'tomorrow', '2026-13-45T99:99:99Z', ''),
    wrongType,
  ),
  LastUpdated: fc.oneof(fc.constant(iso(NOW - 60_000)), fc.constantFrom('yesterday', ''), wrongType),
}, { requiredKeys: [] });
// A well-formed credential with one field replaced, so every branch of the checks is reached.
const nearlyGood = fc.tuple(fc.constantFrom('Code', 'AccessKeyId', 'AccessKeySecret', 'SecurityToken', 'Expiration', 'LastUpdated', 'none'), credentialDoc, secret, secret)
  .map(([name, random, s1, s2]) => {
    const doc: Record<string, unknown> = { Code: 'Success', AccessKeyId: 'STS.NFuzz', AccessKeySecret: s1, SecurityToken: s2, Expiration: iso(NOW + 3600_000), LastUpdated: iso(NOW) };
    if (name !== 'none') {
      if (name in random) doc[name] = (random as Record<string, unknown>)[name];
      else delete doc[name];
    }
    return doc;
  });
const credentialBody = fc.oneof(
  credentialDoc.map((d) => JSON.stringify(d)),
  nearlyGood.map((d) => JSON.stringify(d)),
  fc.string({ maxLength: 120 }),
  fc.constantFrom('', 'null', '[]', '"x"', '{', '<html><head><title>502 Bad Gateway</title></head></html>', '{"Code":"Success"'),
);

test('fuzz: metadata credential documents — a CloudError naming the problem, never a secret in it', (t) => {
  const outcomes: Record<string, number> = {};
  run(t, 'parseInstanceCredential(any body)', credentialBody, (body) => {
    try {
      const credential = parseInstanceCredential(body, 'FuzzRole', 'token', NOW);
      assert.ok(credential.expirationMs > NOW, 'an accepted credential has not expired');
      assert.ok(credential.accessKeySecret.length > 0 && credential.securityToken.length > 0);
      outcomes.accepted = (outcomes.accepted ?? 0) + 1;
    } catch (error) {
      assert.ok(error instanceof CloudError, `only CloudError escapes, got ${String(error)}`);
      assert.match(error.code, /^Metadata\./);
      assert.ok(error.message.length > 20 && !/undefined|\[object/.test(error.message), error.message);
      assert.deepEqual(secretsIn(`${error.message} ${error.hint ?? ''}`), [], 'no secret in the message');
      outcomes[error.code] = (outcomes[error.code] ?? 0) + 1;
    }
  });
  t.diagnostic(`outcomes: ${JSON.stringify(outcomes)}`);
  assert.ok(outcomes.accepted && outcomes['Metadata.InvalidCredential'] && outcomes['Metadata.CredentialExpired'] && outcomes['Metadata.CredentialNotReady'], 'every outcome was reached');
});

test('metadata credential: each missing field and a past Expiration are named', () => {
  const good = { Code: 'Success', AccessKeyId: 'STS.a', AccessKeySecret: 'SECRETaaaaaaa', SecurityToken: 'SECRETbbbbbbb', Expiration: iso(NOW + 3600_000), LastUpdated: iso(NOW) };
  for (const name of ['AccessKeyId', 'AccessKeySecret', 'SecurityToken', 'Expiration'] as const) {
    const { [name]: _dropped, ...rest } = good;
    assert.throws(() => parseInstanceCredential(JSON.stringify(rest), 'R', 'token', NOW), (e: CloudError) => e.code === 'Metadata.InvalidCredential' && e.message.includes(name));
  }
  assert.throws(() => parseInstanceCredential(JSON.stringify({ ...good, Expiration: iso(NOW - 1000) }), 'R', 'token', NOW),
    (e: CloudError) => e.code === 'Metadata.CredentialExpired' && e.message.includes(iso(NOW - 1000)));
  assert.throws(() => parseInstanceCredential('<html>502</html>', 'R', 'token', NOW), (e: CloudError) => /not JSON/.test(e.message));
});
