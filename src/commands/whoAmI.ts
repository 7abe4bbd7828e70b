import * as vscode from 'vscode';
import { callerIdentity } from '../session/callerIdentity';
import type { CommandContext } from './commandContext';
import { requireServices } from './requireServices';

/** Who am I: STS GetCallerIdentity for the active profile (account, principal type, ARN). */
export async function whoAmI(ctx: CommandContext): Promise<void> {
  const services = await requireServices(ctx);
  const identity = await callerIdentity(services);
  ctx.log.info(`GetCallerIdentity: account ${identity.accountId}, ${identity.identityType}, ${identity.arn}`);
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Profile {0}: account {1}, {2} {3}', services.profile.name, identity.accountId, identity.identityType, identity.arn),
  );
}
