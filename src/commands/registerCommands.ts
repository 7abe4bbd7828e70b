import type { CommandId } from '../commandIds';
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
  'alicloudKms.generateTrustPolicy': generateTrustPolicy,
  'alicloudKms.insertSnippet': insertSnippet,
  'alicloudKms.showLog': showLog,
  'alicloudKms.selectProfile': selectProfile,
  'alicloudKms.addAccessKey': addAccessKey,
  'alicloudKms.removeAccessKey': removeAccessKey,
  'alicloudKms.whoAmI': whoAmI,
  'alicloudKms.selectRegions': selectRegions,
  'alicloudKms.refreshRoles': refreshTree('roles'),
  'alicloudKms.refreshInstances': refreshTree('instances'),
  'alicloudKms.refreshKeys': refreshTree('keys'),
  'alicloudKms.filterRoles': filterTree('roles'),
  'alicloudKms.filterInstances': filterTree('instances'),
  'alicloudKms.filterKeys': filterTree('keys'),
  'alicloudKms.clearFilterRoles': clearTreeFilter('roles'),
  'alicloudKms.clearFilterInstances': clearTreeFilter('instances'),
  'alicloudKms.clearFilterKeys': clearTreeFilter('keys'),
  'alicloudKms.loadMore': loadMore,
  'alicloudKms.copyId': copyId,
  'alicloudKms.copyArn': copyArn,
  'alicloudKms.openInConsole': openInConsole,
  'alicloudKms.openTrustPolicy': openTrustPolicy,
  'alicloudKms.openWalkthrough': openWalkthrough,
  'alicloudKms.deleteRole': deleteRole,
  'alicloudKms.connectRemoteSsh': connectRemoteSsh,
  // Role workflows (issue 6)
  'alicloudKms.createRole': createRole,
  'alicloudKms.grantKmsAccess': grantKmsAccess,
  'alicloudKms.attachRole': attachRole,
  'alicloudKms.detachRole': detachRole,
  'alicloudKms.replaceRole': replaceRole,
  'alicloudKms.createInstanceWithRole': createInstanceWithRole,
  // On the instance (issue 7)
  'alicloudKms.showInstanceCredential': showInstanceCredential,
  'alicloudKms.copyInstanceCredential': copyInstanceCredential,
  'alicloudKms.refreshInstanceCredential': refreshInstanceCredential,
  'alicloudKms.testEncrypt': withRefs(testEncrypt),
  'alicloudKms.testEncryptAsProfile': withRefs(testEncryptAsProfile),
  'alicloudKms.testSecretRead': withRefs(testSecretRead),
  'alicloudKms.diagnose': withRefs(diagnose),
  // Fleet check through Cloud Assistant (issue 16)
  'alicloudKms.checkKmsAccessOnInstances': withRefs(checkKmsAccessOnInstances),
  // Repair and revoke (issue 15)
  'alicloudKms.editTrustPolicy': withRefs(editTrustPolicy),
  'alicloudKms.addEcsTrust': withRefs(addEcsTrust),
  'alicloudKms.editPolicy': withRefs(editPolicy),
  'alicloudKms.openPolicyVersion': withRefs(openPolicyVersion),
  'alicloudKms.setDefaultPolicyVersion': withRefs(setDefaultPolicyVersion),
  'alicloudKms.detachPolicy': withRefs(detachPolicy),
  'alicloudKms.revokeKmsAccess': withRefs(revokeKmsAccess),
  'alicloudKms.deletePolicy': withRefs(deletePolicy),
  'alicloudKms.enableKey': withRefs(enableKey),
};

/**
 * Runs a command by id through the one wrapper (runCommand). The bootstrap (extension.ts) registers
 * the ids with VS Code at activation and calls this once the implementation bundle is loaded.
 */
export function commandExecutor(ctx: CommandContext): (id: CommandId, args: unknown[]) => Promise<unknown> {
  return (id, args) => runCommand(id, ctx, () => COMMANDS[id](ctx, ...args));
}
