// The emulator's authorize() where the differential test (policy-differential-roles) found it wrong
// against RAM's documented evaluation, one test per fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '../emulator/authorize';
import { emulatorDecision, KEY_ARNS } from './support/policyCases';

const KEY = KEY_ARNS[0];

test('NotResource is evaluated (every resource but those listed), not ignored', () => {
  const denyElsewhere = [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }, { Effect: 'Deny', Action: 'kms:*', NotResource: ['acs:kms:*:*:key/key-xyz*'] }];
  assert.equal(evaluate(denyElsewhere, 'kms:Encrypt', KEY), 'ExplicitDeny');
  assert.equal(evaluate(denyElsewhere, 'kms:Encrypt', KEY_ARNS[1]), 'Allow');
  assert.equal(evaluate([{ Effect: 'Allow', Action: 'kms:Encrypt', NotResource: '*' }], 'kms:Encrypt', KEY), 'ImplicitDeny');
});

test('a session policy that does not allow the action decides before the role\'s own Deny (RAM evaluates it first)', () => {
  const decision = emulatorDecision({
    policies: [{ Version: '1', Statement: [{ Effect: 'Deny', Action: 'kms:Encrypt', Resource: '*' }] }],
    session: { Version: '1', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }] },
    action: 'kms:Encrypt', resource: KEY,
  });
  assert.equal(decision, 'ImplicitDeny');
});
