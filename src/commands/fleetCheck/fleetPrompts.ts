// The questions of "Check KMS Access on Instances": an optional secret to read too, and the
// confirmation that says a command will run on the instances, with the script and the CLI equivalent.
import * as vscode from 'vscode';
import type { CloudServices } from '../../cloud/types';
import type { FleetPlan } from '../../workflows/fleet/fleetPlan';
import { runCommandCli, type FleetCheckTarget } from '../../workflows/fleet/fleetScript';
import type { CommandContext } from '../commandContext';
import { showReadOnlyDocument } from '../readOnlyDocument';
import { UserCancelledError } from '../runCommand';

/** RunCommand's documented maximum of instances per call (CloudAssistantService batches the same way). */
const CLI_BATCH = 100;

type SecretItem = vscode.QuickPickItem & { secretName?: string };

export async function pickOptionalSecret(ctx: CommandContext, services: CloudServices, regionId: string): Promise<string | undefined> {
  const items = (async (): Promise<SecretItem[]> => {
    const out: SecretItem[] = [{ label: vscode.l10n.t('Encrypt and Decrypt only'), description: vscode.l10n.t('no secret') }];
    try {
      let count = 0;
      for await (const secret of services.kms(regionId).listSecrets()) {
        out.push({ label: secret.secretName, description: vscode.l10n.t('also read this secret (GetSecretValue; the value is never printed)'), secretName: secret.secretName });
        if (++count >= 100) break;
      }
    } catch (error) {
      ctx.log.warn(`Listing secrets in ${regionId} for the fleet check failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return out;
  })();
  const picked = await ctx.ui.showQuickPick(items, { title: vscode.l10n.t('Also read a secret on the instances? ({0})', regionId) });
  if (!picked) throw new UserCancelledError();
  return picked.secretName;
}

export function cliEquivalent(plan: FleetPlan, timeoutSeconds: number): string {
  const lines: string[] = [];
  for (const [regionId, instances] of plan.run) {
    for (let i = 0; i < instances.length; i += CLI_BATCH) {
      lines.push(runCommandCli(regionId, instances.slice(i, i + CLI_BATCH).map((x) => x.instanceId), timeoutSeconds));
    }
  }
  return lines.join('\n');
}

/** Asks until the user runs the check (or cancels); "Show Script" opens the exact command text. */
export async function confirmFleetCheck(ctx: CommandContext, plan: FleetPlan, command: string, target: FleetCheckTarget, timeoutSeconds: number): Promise<void> {
  const count = [...plan.run.values()].reduce((n, list) => n + list.length, 0);
  const cli = cliEquivalent(plan, timeoutSeconds);
  const run = vscode.l10n.t('Run Check');
  const show = vscode.l10n.t('Show Script');
  for (;;) {
    const choice = await ctx.ui.showWarningMessage(
      vscode.l10n.t('Run a command on {0} instance(s) through Cloud Assistant (ECS RunCommand)? On each instance it reads the RAM role credential from the metadata service and calls KMS Encrypt and Decrypt with key {1}. It changes nothing and never prints the credential or the plaintext. {2} instance(s) skipped.',
        count, target.keyId, plan.skipped.length),
      { modal: true, detail: `${vscode.l10n.t('aliyun CLI equivalent (save the script as kms-check.sh):')}\n${cli}` }, run, show);
    if (choice === run) return;
    if (choice !== show) throw new UserCancelledError();
    await showReadOnlyDocument('kms-check.sh', `${command}\n# ${vscode.l10n.t('aliyun CLI equivalent:')}\n${cli.split('\n').map((l) => `# ${l}`).join('\n')}\n`, 'shellscript');
  }
}
