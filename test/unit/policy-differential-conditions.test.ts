// The differential test with policy Conditions (issue 18): acs:SourceVpc, acs:SourceIp,
// acs:SecureTransport and acs:CurrentTime under StringEquals, StringNotEquals, StringLike, IpAddress,
// NotIpAddress, Bool, DateLessThan and DateGreaterThan. For each generated case and each request
// context, the emulator's authorize() (told the request's facts) and the extension's evaluator (given
// the same context) must decide alike; without a context, the extension must say "allowed if" exactly
// when the decision depends on the request (some context allows and some does not, or a condition decides).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { evaluateSession } from '../../src/policy/evaluator';
import { explainKeyAccess } from '../../src/policy/keyAccessExplanation';
import { parsePolicyDocument } from '../../src/policy/policyDocument';
import { caseArb, CONTEXTS, emulatorDecision, type PolicyCase, type RequestContext } from './support/policyCases';

const SEED = 18_2026_1130;
const RUNS = 2000;
const AS_EMULATOR = { Allow: 'Allow', Deny: 'ExplicitDeny', NotAllowed: 'ImplicitDeny' } as const;

function extension(c: PolicyCase, context?: RequestContext) {
  return evaluateSession(c.policies.map((p) => parsePolicyDocument(p)), c.session && [parsePolicyDocument(c.session)], c.action, c.resource, context);
}

test(`with conditions, the extension and the emulator agree on ${RUNS} cases × ${CONTEXTS.length} request contexts`, (t) => {
  const seen = new Map<string, number>();
  let conditional = 0, dependsOnRequest = 0;
  fc.assert(fc.property(caseArb(true), (c) => {
    const theirs = CONTEXTS.map((context) => emulatorDecision(c, context));
    CONTEXTS.forEach((context, i) => {
      const mine = extension(c, context);
      assert.equal(mine.conditional, false, 'a full context decides every condition');
      assert.equal(AS_EMULATOR[mine.decision], theirs[i], JSON.stringify({ c, context }));
      const [explained] = explainKeyAccess({ policies: c.policies.map((p, n) => ({ name: `p${n}`, document: parsePolicyDocument(p) })),
        sessionPolicy: c.session && parsePolicyDocument(c.session), resource: c.resource, actions: [c.action], context });
      assert.equal({ allowed: 'Allow', denied: 'ExplicitDeny', notAllowed: 'ImplicitDeny', allowedIf: '?' }[explained.verdict], theirs[i], `Explain Access: ${JSON.stringify({ c, context })}`);
      seen.set(theirs[i], (seen.get(theirs[i]) ?? 0) + 1);
    });
    // Without a context: a sure answer must be the answer under every context.
    const open = extension(c);
    if (open.conditional) conditional++;
    else if (open.decision === 'Allow') assert.ok(theirs.every((d) => d === 'Allow'), `sure Allow but the emulator refuses some request: ${JSON.stringify(c)}`);
    else assert.ok(theirs.every((d) => d !== 'Allow'), `sure refusal but the emulator allows some request: ${JSON.stringify(c)}`);
    if (new Set(theirs.map((d) => d === 'Allow')).size > 1) {
      dependsOnRequest++;
      assert.ok(open.conditional, `the answer depends on the request, so it must be "allowed if": ${JSON.stringify(c)}`);
    }
  }), { seed: SEED, numRuns: RUNS });
  t.diagnostic(`seed ${SEED}: ${RUNS * CONTEXTS.length} decisions, 0 disagreements ${JSON.stringify(Object.fromEntries(seen))}; ${conditional} cases "allowed if" without a context, ${dependsOnRequest} whose answer depends on the request`);
  for (const d of ['Allow', 'ExplicitDeny', 'ImplicitDeny']) assert.ok((seen.get(d) ?? 0) > 500, `${d} exercised`);
  assert.ok(dependsOnRequest > 100);
});
