// The report builders of the instance features are pure (src/diagnosis): rendered here with english()
// instead of the UI's localize(), without a VS Code host. They show what was checked and never a secret.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudError } from '../../src/cloud/types';
import { counts, diagnosisLogLines, renderDiagnosis } from '../../src/diagnosis/diagnosisReport';
import type { DiagnosisReport, KmsEndpointInfo } from '../../src/diagnosis/diagnosisTypes';
import { renderEncryptReport } from '../../src/diagnosis/encryptReport';
import { grantAction } from '../../src/diagnosis/fixActions';
import { renderSecretReport } from '../../src/diagnosis/secretReport';
import { english, text } from '../../src/util/message';

const kms: KmsEndpointInfo = { endpoint: 'kms-vpc.cn-hangzhou.aliyuncs.com', protocol: 'https', vpc: true, overridden: false };

test('the diagnosis report: a heading with the counts, one section per line with its evidence and fix', () => {
  const report: DiagnosisReport = {
    startedAt: Date.UTC(2026, 0, 1), durationMs: 812.4, regionId: 'cn-hangzhou', kms, instanceId: 'i-1', roleName: 'EcsKmsRole', key: 'key-1',
    lines: [
      { id: 'metadata', title: text('Metadata service reachable'), status: 'passed', evidence: [text('{0} answered in {1} ms.', 'http://100.100.100.200', 3)] },
      {
        id: 'policies', title: text('Role policies allow KMS on the key'), status: 'failed', evidence: [text('Policies of role {0}: {1}.', 'EcsKmsRole', '-')],
        fix: text('Role {0} lacks {1} on key {2}. Grant KMS Access adds it.', 'EcsKmsRole', 'kms:Encrypt', 'key-1'), action: grantAction('EcsKmsRole', 'key-1', 'cn-hangzhou'),
      },
      { id: 'vpc', title: text('Instance is in a VPC'), status: 'skipped', evidence: [text('No management profile is active.')] },
    ],
  };
  assert.deepEqual(counts(report), { passed: 1, failed: 1, skipped: 1 });
  const md = renderDiagnosis(report, english);
  assert.match(md, /^# Diagnose KMS Access: 1 passed, 1 failed, 1 skipped\n/);
  assert.match(md, /- Endpoint: https:\/\/kms-vpc\.cn-hangzhou\.aliyuncs\.com \(VPC endpoint\)/);
  assert.match(md, /## ✘ Role policies allow KMS on the key — failed\n\n- Policies of role EcsKmsRole: -\.\n\n\*\*Fix:\*\* Role EcsKmsRole lacks kms:Encrypt on key key-1\. Grant KMS Access adds it\. \(Grant KMS Access\)/);
  assert.match(md, /- Management profile: none/);
  assert.deepEqual(diagnosisLogLines(report)[1], 'diagnose policies: FAILED - Policies of role EcsKmsRole: -. | fix: Role EcsKmsRole lacks kms:Encrypt on key key-1. Grant KMS Access adds it.');
});

test('the Test Encrypt report names the calls and the failure, never the plaintext', () => {
  const error = new CloudError({ code: 'Forbidden.NoPermission', message: 'denied', requestId: 'R-2' });
  const md = renderEncryptReport({
    credential: 'instance RAM role EcsKmsRole', key: 'alias/app', regionId: 'cn-hangzhou', kms, plaintextLength: 11, encryptionContextKeys: ['purpose'],
    result: { regionId: 'cn-hangzhou', endpoint: kms.endpoint, protocol: 'https', calls: [{ api: 'Encrypt', ok: false, latencyMs: 40.2, error }], failed: { api: 'Encrypt', ok: false, latencyMs: 40.2, error } },
    explanation: { code: 'Forbidden.NoPermission', summary: text('Role {0} lacks {1} on {2} {3}.', 'EcsKmsRole', 'kms:Encrypt', 'key', 'alias/app'), fix: text('See the log for details.'), requestId: 'R-2' },
  }, english);
  assert.match(md, /^# Test Encrypt: FAILED at Encrypt\n/);
  assert.match(md, /- Plaintext: 11 characters \(not shown\)/);
  assert.match(md, /\| Encrypt \| ✘ Forbidden\.NoPermission \| 40 ms \| `R-2` \| - \| - \|/);
  assert.match(md, /## Why it failed\n\nRole EcsKmsRole lacks kms:Encrypt on key alias\/app\.\n\n\*\*Fix:\*\* See the log for details\.\n$/);
});

test('the Test Secret Read report shows the value only as given (masked by the caller)', () => {
  const result = {
    regionId: 'cn-hangzhou', endpoint: kms.endpoint, secretName: 'app/db', versionId: 'v1', versionStages: ['ACSCurrent'], secretType: 'Generic', secretDataType: 'text',
    call: { api: 'GetSecretValue' as const, ok: true, latencyMs: 12, requestId: 'R-3' },
  };
  const md = renderSecretReport({ roleName: 'EcsKmsRole', result, kms, shownValue: '****** (25)' }, english);
  assert.match(md, /^# Test Secret Read: PASSED\n/);
  assert.match(md, /- Stages: ACSCurrent\n/);
  assert.match(md, /- Value: `\*\*\*\*\*\* \(25\)`\n$/);
});
