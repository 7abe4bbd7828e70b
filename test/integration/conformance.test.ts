// The emulator against Alibaba Cloud's published API metadata (test/conformance/api-meta): every
// action it implements is called with the real SDKs' signers, and the raw JSON of each answer is
// checked: fields and types against the documented response schema, RequestId present, every
// error code documented (action, product, RAM reference page or gateway), and a required
// parameter left out answers a MissingParameter-style error. Prints a coverage line.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type Emulator } from '../emulator/index';
import { PRODUCTS } from '../emulator/server';
import { actionMeta, checkBody, codeProblem, type Product } from '../conformance/apiMeta';
import { ALL_CASES, type Case } from '../conformance/cases';
import { RAM_REQUIRED } from '../conformance/ramErrorCodes';
import { rawClient, type RawAnswer } from '../conformance/rawCall';

/** Per-instance result codes ECS's metadata documents nothing for (checked: api-meta/ecs.json
 * Attach/DetachInstanceRamRole list no code for these cases); the emulator's choice, named here. */
const UNDOCUMENTED_ITEM_CODES: Readonly<Record<string, string>> = {
  'InvalidInstance.RamRoleExists': 'AttachInstanceRamRole to an instance that has another role ("an error is returned", no code documented)',
  'InvalidRamRole.NotEqual': 'DetachInstanceRamRole naming a role the instance does not have (no code documented)',
};

// Read from the server's own table: an action added to any handler file is "implemented" and must be covered.
const IMPLEMENTED = Object.fromEntries(Object.values(PRODUCTS).map((p) => [p.id, Object.keys(p.handlers)])) as Record<Product, string[]>;

let emu: Emulator;
const callers = new Map<string, ReturnType<typeof rawClient>>();
before(async () => {
  emu = await startEmulator({ scenario: 'demo' });
});
after(() => emu.close());

function client(product: Product, as: Case['as']) {
  const key = `${product}/${as ?? 'admin'}`;
  let c = callers.get(key);
  if (!c) {
    const cred = as ? emu.createUser(as, []) : emu;
    c = rawClient(emu.api, cred, product);
    callers.set(key, c);
  }
  return c;
}

const stats = { fields: 0, errorPaths: 0, missingParameter: 0, covered: new Set<string>() };

/** The problems of one answer; [] when it conforms and is what the case expects. */
function judge(c: Case, answer: RawAnswer): string[] {
  const meta = actionMeta(c.product, c.action);
  const problems: string[] = [];
  if (typeof answer.body.RequestId !== 'string' || answer.body.RequestId === '') problems.push('no RequestId');
  if (c.expect === 'ok') {
    if (answer.status !== 200) return [`expected success, got ${answer.status} ${String(answer.body.Code)}: ${String(answer.body.Message)}`];
    const checked = checkBody(meta.response, answer.body);
    stats.fields += checked.fields;
    problems.push(...checked.problems);
    const items = (Object.values(answer.body).find((v) => v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).some((k) => /InstanceRamRoleResult$/.test(k))) ?? {}) as Record<string, { Code: string }[]>;
    const codes = Object.values(items).flat().map((r) => r.Code);
    if (c.items) {
      if (JSON.stringify(codes) !== JSON.stringify(c.items)) problems.push(`item codes ${JSON.stringify(codes)}, expected ${JSON.stringify(c.items)}`);
      for (const code of codes) {
        if (code === '200' || Object.hasOwn(UNDOCUMENTED_ITEM_CODES, code)) continue;
        const why = codeProblem(c.product, c.action, 404, code);
        if (why && !why.includes('answered with')) problems.push(`item: ${why}`);
      }
    }
    return problems;
  }
  stats.errorPaths++;
  const code = String(answer.body.Code);
  if (code !== c.expect) problems.push(`expected ${c.expect}, got ${answer.status} ${code}: ${String(answer.body.Message)}`);
  const why = codeProblem(c.product, c.action, answer.status, code);
  if (why) problems.push(why);
  for (const field of ['Code', 'Message', 'HostId', 'Recommend']) if (typeof answer.body[field] !== 'string') problems.push(`error body lacks ${field}`);
  return problems;
}

test('every answer of every implemented action conforms to the published metadata', async () => {
  const failures: string[] = [];
  const earlier = new Map<string, Record<string, unknown>>();
  for (const c of ALL_CASES) {
    const params = { ...c.params };
    for (const [name, from] of Object.entries(c.use ?? {})) {
      const [action, field] = from.split('.');
      params[name] = String(earlier.get(action)?.[field]);
    }
    const answer = await client(c.product, c.as)(c.action, params);
    if (answer.status === 200) earlier.set(c.action, answer.body);
    stats.covered.add(`${c.product}:${c.action}`);
    for (const p of judge(c, answer)) failures.push(`${c.product} ${c.action} ${JSON.stringify(params).slice(0, 80)}: ${p}`);
  }
  assert.deepEqual(failures, []);
});

test('a required parameter left out answers a MissingParameter-style error (400)', async () => {
  const failures: string[] = [];
  const seen = new Set<string>();
  for (const c of ALL_CASES.filter((x) => x.expect === 'ok' && !x.as)) {
    const documented = actionMeta(c.product, c.action).parameters.filter((p) => p.required).map((p) => p.name);
    const required = c.product === 'ram' ? RAM_REQUIRED[c.action] ?? [] : documented;
    for (const name of new Set(required)) {
      if (seen.has(`${c.action}/${name}`) || !(name in c.params || name in (c.use ?? {}))) continue;
      seen.add(`${c.action}/${name}`);
      const params = { ...c.params };
      delete params[name];
      const answer = await client(c.product, undefined)(c.action, params);
      stats.missingParameter++;
      const code = String(answer.body.Code);
      if (answer.status !== 400 || !/^Missing/.test(code)) failures.push(`${c.action} without ${name}: ${answer.status} ${code}`);
      if (!String(answer.body.Message).includes(name)) failures.push(`${c.action} without ${name}: the message does not name it`);
    }
  }
  assert.deepEqual(failures, []);
});

test('coverage: every implemented action is called', () => {
  const implemented = Object.entries(IMPLEMENTED).flatMap(([product, actions]) => actions.map((a) => `${product}:${a}`));
  const missing = implemented.filter((a) => !stats.covered.has(a));
  console.log(`conformance: actions covered ${implemented.length - missing.length}/${implemented.length}, fields checked ${stats.fields}, `
    + `error paths checked ${stats.errorPaths}, missing-parameter paths checked ${stats.missingParameter}`);
  assert.deepEqual(missing, []);
});
