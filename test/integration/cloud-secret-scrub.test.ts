// Issue 17: on SignatureDoesNotMatch the service echoes its string to sign, which for the KMS RPC
// signature holds the SecurityToken and every parameter (Plaintext included). A valid STS AccessKeyId and
// token with a WRONG secret, against the real SDKs and the signature-verifying emulator: neither the token
// (plain, percent-encoded once or twice) nor the plaintext may reach the CloudError or the log.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from './cloud-harness';
import { issueSession } from '../emulator/handlers/sts';
import { CloudError } from '../../src/cloud/types';

let h: Harness;
const PLAINTEXT = 'KnownScrubPlaintext7Hq3Zr';
/** Filled once the emulator has issued the session (the factory reads the environment when it lists profiles). */
const env: Record<string, string> = {};

before(async () => {
  h = await startHarness({}, { env });
});
after(() => h.close());

/** Every form a secret can take in an error text. */
function forms(secret: string): string[] {
  const once = encodeURIComponent(secret);
  return [...new Set([secret, once, encodeURIComponent(once), Buffer.from(secret).toString('base64'), JSON.stringify(secret).slice(1, -1)])];
}

test('a valid STS key and token with a wrong secret: KMS Encrypt and STS fail with SignatureDoesNotMatch, and no token or plaintext is in the error or the log', async () => {
  const role = h.emulator.account.roles.get('EcsKmsAccessRole') ?? [...h.emulator.account.roles.values()][0];
  const session = issueSession(h.emulator.account, role, 'scrub-test', 3600, Date.now(), 'test');
  // The token has '+', '/' and '=' (base64), so its percent-encoded forms differ from the plain one.
  assert.match(session.token, /[+/=]/);
  Object.assign(env, { ALIBABA_CLOUD_ACCESS_KEY_ID: session.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'the-wrong-secret', ALIBABA_CLOUD_SECURITY_TOKEN: session.token });
  const s = await h.admin();
  const failures: CloudError[] = [];
  for (const work of [() => s.kms().encrypt({ keyId: 'alias/demo-app', plaintext: Buffer.from(PLAINTEXT).toString('base64') }), () => s.sts.getCallerIdentity()]) {
    const error = await work().then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof CloudError, `expected a CloudError, got ${String(error)}`);
    failures.push(error);
  }
  for (const e of failures) {
    assert.equal(e.code, 'SignatureDoesNotMatch', e.toLogLine());
    assert.ok(e.requestId, 'RequestId kept');
  }
  const shown = [...failures.flatMap((e) => [e.message, e.toLogLine(), e.hint ?? '', String(e)]), ...h.log.lines].join('\n');
  const needles = { token: session.token, plaintext: PLAINTEXT, 'plaintext (base64)': Buffer.from(PLAINTEXT).toString('base64') };
  const hits = Object.entries(needles).flatMap(([name, value]) => forms(value).filter((f) => shown.includes(f)).map((f) => `${name} as ${f.slice(0, 12)}…`));
  assert.deepEqual(hits, [], `secrets in the error text or log:\n${shown}`);
  // The message still says what happened.
  assert.match(failures[0].message, /signature/i);
});
