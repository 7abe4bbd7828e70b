// The shell command Cloud Assistant runs (the Python check fed to python3 on stdin, its arguments
// shell-quoted) and the aliyun CLI command that does the same RunCommand, for the confirmation.
import { shellQuote } from '../../policy/cli';

export interface FleetCheckTarget {
  readonly keyId: string;
  /** The key's region: the script calls KMS there. */
  readonly regionId: string;
  readonly secretName?: string;
}

/** A here-document delimiter the script cannot contain (checked, so the script cannot end the document early). */
const DELIMITER = 'ALICLOUD_KMS_FLEET_CHECK_EOF';

export function buildCheckCommand(script: string, target: FleetCheckTarget): string {
  if (script.split('\n').some((line) => line.trim() === DELIMITER)) throw new Error('the check script contains its own here-document delimiter');
  const args = ['--key-id', target.keyId, '--region', target.regionId, ...(target.secretName ? ['--secret-name', target.secretName] : [])];
  return [
    '#!/bin/sh',
    '# Alibaba Cloud KMS access check (VS Code extension): prints one line of JSON, never a secret.',
    `python3 - ${args.map(shellQuote).join(' ')} <<'${DELIMITER}'`,
    script.replace(/\n*$/, ''),
    DELIMITER,
    '',
  ].join('\n');
}

/** The aliyun CLI equivalent of one RunCommand batch; the content is read from a file the user saves. */
export function runCommandCli(regionId: string, instanceIds: readonly string[], timeoutSeconds: number, file = 'kms-check.sh'): string {
  const ids = instanceIds.map((id, n) => `--InstanceId.${n + 1} ${shellQuote(id)}`).join(' ');
  return `aliyun ecs RunCommand --RegionId ${shellQuote(regionId)} --Type RunShellScript --ContentEncoding Base64 `
    + `--CommandContent "$(base64 -w0 ${shellQuote(file)})" --Timeout ${timeoutSeconds} ${ids}`;
}
