// Differential test of the extension's evaluator (the one behind "Roles that can use this key", Explain
// Access and Diagnose's policies check) against the emulator's authorize(): several policies per role,
// Allow and Deny, Action/NotAction, Resource/NotResource, wildcards, and role sessions with a session
// policy. Seeded: a failure names the case and reproduces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { evaluateSession } from '../../src/policy/evaluator';
import { rolesThatCanUseKey } from '../../src/policy/keyAccess';
import { explainKeyAccess } from '../../src/policy/keyAccessExplanation';
import { parsePolicyDocument } from '../../src/policy/policyDocument';
import { caseArb, emulatorDecision, type PolicyCase } from './support/policyCases';

const SEED = 15_18_2026;
const RUNS = 2500;
const AS_EMULATOR = { Allow: 'Allow', Deny: 'ExplicitDeny', NotAllowed: 'ImplicitDeny' } as const;

export function extensionDecision(c: PolicyCase): string {
  const e = evaluateSession(c.policies.map((p) => parsePolicyDocument(p)), c.session && [parsePolicyDocument(c.session)], c.action, c.resource);
  assert.equal(e.conditional, false, 'no condition in these cases');
  return AS_EMULATOR[e.decision];
}

test(`the extension's evaluator and the emulator's authorize() agree on ${RUNS} generated role/session cases`, (t) => {
  const seen = new Map<string, number>();
  let sessions = 0, notResource = 0;
  fc.assert(fc.property(caseArb(), (c) => {
    const theirs = emulatorDecision(c);
    assert.equal(extensionDecision(c), theirs, JSON.stringify(c));
    // Explain Access and "Roles that can use this key" answer through the same evaluator: checked too.
    const policies = c.policies.map((p, i) => ({ name: `p${i}`, document: parsePolicyDocument(p) }));
    const [explained] = explainKeyAccess({ policies, sessionPolicy: c.session && parsePolicyDocument(c.session), resource: c.resource, actions: [c.action] });
    assert.equal({ allowed: 'Allow', denied: 'ExplicitDeny', notAllowed: 'ImplicitDeny', allowedIf: '?' }[explained.verdict], theirs, `Explain Access: ${JSON.stringify(c)}`);
    if (theirs === 'ExplicitDeny') assert.ok(explained.deniedBy.length > 0, 'the blocking Deny is named');
    if (theirs === 'Allow') assert.ok(explained.allowedBy.length > 0, 'the allowing statement is named');
    if (!c.session) {
      const listed = rolesThatCanUseKey([{ roleName: 'app', documents: policies.map((p) => p.document) }], c.resource, [c.action]).length > 0;
      assert.equal(listed, theirs === 'Allow', `Roles that can use this key: ${JSON.stringify(c)}`);
    }
    seen.set(theirs, (seen.get(theirs) ?? 0) + 1);
    if (c.session) sessions++;
    if (JSON.stringify(c).includes('NotResource')) notResource++;
  }), { seed: SEED, numRuns: RUNS });
  t.diagnostic(`seed ${SEED}: ${RUNS} cases, 0 disagreements; decisions ${JSON.stringify(Object.fromEntries(seen))}; ${sessions} with a session policy, ${notResource} with NotResource`);
  for (const d of ['Allow', 'ExplicitDeny', 'ImplicitDeny']) assert.ok((seen.get(d) ?? 0) > 200, `${d} exercised`);
  assert.ok(sessions > 300 && notResource > 300);
});
