import { COMMAND, type CommandId } from '../commandIds';
import type { CommandContext } from './commandContext';
import { toNodeRef, toNodeRefs, type NodeRef } from '../views/common/nodeRef';
import { runCommand } from './runCommand';
import { addAccessKey } from './addAccessKey';
import { connectRemoteSsh } from './connectRemoteSsh';
import { copyArn, copyId } from './copyToClipboard';
import { deleteRole } from './deleteRole';
import { clearTreeFilter, filterTree, loadMore, refreshTree } from './explorerCommands';
import { generateTrustPolicy } from './generateTrustPolicy';
import { openInConsole } from './openInConsole';
import { openTrustPolicy } from './openTrustPolicy';
import { openWalkthrough } from './openWalkthrough';
import { removeAccessKey } from './removeAccessKey';
import { selectProfile } from './selectProfile';
import { selectRegions } from './selectRegions';
import { insertSnippet } from './insertSnippet';
import { showLog } from './showLog';
import { whoAmI } from './whoAmI';
import { attachRole } from './attachRole';
import { createInstanceWithRole } from './createInstanceWithRole';
import { createRole } from './createRole';
import { detachRole } from './detachRole';
import { grantKmsAccess } from './grantKmsAccess';
import { replaceRole } from './replaceRole';
import { copyInstanceCredential } from './copyInstanceCredential';
import { diagnose } from './diagnose';
import { refreshInstanceCredential } from './refreshInstanceCredential';
import { showInstanceCredential } from './showInstanceCredential';
import { testEncrypt } from './testEncrypt';
import { testEncryptAsProfile } from './testEncryptAsProfile';
import { testSecretRead } from './testSecretRead';
import { checkKmsAccessOnInstances } from './checkKmsAccessOnInstances';
import { editTrustPolicy } from './editTrustPolicy';
import { addEcsTrust } from './addEcsTrust';
import { editPolicy } from './editPolicy';
import { openPolicyVersion } from './openPolicyVersion';
import { setDefaultPolicyVersion } from './setDefaultPolicyVersion';
import { detachPolicy } from './detachPolicy';
import { revokeKmsAccess } from './revokeKmsAccess';
import { deletePolicy } from './deletePolicy';
import { enableKey } from './enableKey';
import { explainAccess } from './explainAccess';

type CommandHandler = (ctx: CommandContext, ...args: unknown[]) => Promise<unknown>;

/** A command invoked on tree nodes: it receives the clicked node's NodeRef and the multi-selection's. */
type NodeCommand = (ctx: CommandContext, ref?: NodeRef, refs?: readonly NodeRef[]) => Promise<unknown>;

/**
 * Adapts a NodeCommand to what VS Code passes (the clicked node, then the selected nodes; or a NodeRef
 * from a link or another command; or nothing from the palette). The only place nodes become refs.
 */
export function withRefs(command: NodeCommand): CommandHandler {
  return (ctx, node, nodes) => command(ctx, toNodeRef(node), toNodeRefs(nodes));
}

/**
 * The command table: every command declared in package.json and nothing else. Typed by COMMAND_IDS
 * (checked against package.json by a unit test), so a missing or extra handler does not compile.
 */
export const COMMANDS: Record<CommandId, CommandHandler> = {
  [COMMAND.generateTrustPolicy]: withRefs(generateTrustPolicy),
  [COMMAND.insertSnippet]: withRefs(insertSnippet),
  [COMMAND.showLog]: withRefs(showLog),
  [COMMAND.selectProfile]: withRefs(selectProfile),
  [COMMAND.addAccessKey]: withRefs(addAccessKey),
  [COMMAND.removeAccessKey]: withRefs(removeAccessKey),
  [COMMAND.whoAmI]: withRefs(whoAmI),
  [COMMAND.selectRegions]: withRefs(selectRegions),
  [COMMAND.refreshRoles]: refreshTree('roles'),
  [COMMAND.refreshInstances]: refreshTree('instances'),
  [COMMAND.refreshKeys]: refreshTree('keys'),
  [COMMAND.filterRoles]: filterTree('roles'),
  [COMMAND.filterInstances]: filterTree('instances'),
  [COMMAND.filterKeys]: filterTree('keys'),
  [COMMAND.clearFilterRoles]: clearTreeFilter('roles'),
  [COMMAND.clearFilterInstances]: clearTreeFilter('instances'),
  [COMMAND.clearFilterKeys]: clearTreeFilter('keys'),
  [COMMAND.loadMore]: loadMore,
  [COMMAND.copyId]: withRefs(copyId),
  [COMMAND.copyArn]: withRefs(copyArn),
  [COMMAND.openInConsole]: withRefs(openInConsole),
  [COMMAND.openTrustPolicy]: withRefs(openTrustPolicy),
  [COMMAND.openWalkthrough]: withRefs(openWalkthrough),
  [COMMAND.deleteRole]: withRefs(deleteRole),
  [COMMAND.connectRemoteSsh]: withRefs(connectRemoteSsh),
  // Role workflows (issue 6)
  [COMMAND.createRole]: withRefs(createRole),
  [COMMAND.grantKmsAccess]: withRefs(grantKmsAccess),
  [COMMAND.attachRole]: withRefs(attachRole),
  [COMMAND.detachRole]: withRefs(detachRole),
  [COMMAND.replaceRole]: withRefs(replaceRole),
  [COMMAND.createInstanceWithRole]: withRefs(createInstanceWithRole),
  // On the instance (issue 7)
  [COMMAND.showInstanceCredential]: showInstanceCredential,
  [COMMAND.copyInstanceCredential]: copyInstanceCredential,
  [COMMAND.refreshInstanceCredential]: refreshInstanceCredential,
  [COMMAND.testEncrypt]: withRefs(testEncrypt),
  [COMMAND.testEncryptAsProfile]: withRefs(testEncryptAsProfile),
  [COMMAND.testSecretRead]: withRefs(testSecretRead),
  [COMMAND.diagnose]: withRefs(diagnose),
  // Fleet check through Cloud Assistant (issue 16)
  [COMMAND.checkKmsAccessOnInstances]: withRefs(checkKmsAccessOnInstances),
  // Repair and revoke (issue 15)
  [COMMAND.editTrustPolicy]: withRefs(editTrustPolicy),
  [COMMAND.addEcsTrust]: withRefs(addEcsTrust),
  [COMMAND.editPolicy]: withRefs(editPolicy),
  [COMMAND.openPolicyVersion]: withRefs(openPolicyVersion),
  [COMMAND.setDefaultPolicyVersion]: withRefs(setDefaultPolicyVersion),
  [COMMAND.detachPolicy]: withRefs(detachPolicy),
  [COMMAND.revokeKmsAccess]: withRefs(revokeKmsAccess),
  [COMMAND.deletePolicy]: withRefs(deletePolicy),
  [COMMAND.enableKey]: withRefs(enableKey),
  [COMMAND.explainAccess]: withRefs(explainAccess),
};

/**
 * Runs a command by id through the one wrapper (runCommand). The bootstrap (extension.ts) registers
 * the ids with VS Code at activation and calls this once the implementation bundle is loaded.
 */
export function commandExecutor(ctx: CommandContext): (id: CommandId, args: unknown[]) => Promise<unknown> {
  return (id, args) => runCommand(id, ctx, () => COMMANDS[id](ctx, ...args));
}
