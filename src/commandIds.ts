// Every command id declared in package.json, as a plain list: the bootstrap (extension.ts) registers
// them at activation without loading the command implementations, and registerCommands.ts must give
// each one a handler (its table is typed by this list, so a missing or extra entry does not compile).
// A unit test checks this list against package.json both ways.
export const COMMAND_IDS = [
  'alicloudKms.generateTrustPolicy',
  'alicloudKms.showLog',
  'alicloudKms.selectProfile',
  'alicloudKms.addAccessKey',
  'alicloudKms.removeAccessKey',
  'alicloudKms.whoAmI',
  'alicloudKms.selectRegions',
  'alicloudKms.refreshRoles',
  'alicloudKms.refreshInstances',
  'alicloudKms.refreshKeys',
  'alicloudKms.filterRoles',
  'alicloudKms.filterInstances',
  'alicloudKms.filterKeys',
  'alicloudKms.clearFilterRoles',
  'alicloudKms.clearFilterInstances',
  'alicloudKms.clearFilterKeys',
  'alicloudKms.loadMore',
  'alicloudKms.copyId',
  'alicloudKms.copyArn',
  'alicloudKms.openInConsole',
  'alicloudKms.openTrustPolicy',
  'alicloudKms.deleteRole',
  'alicloudKms.connectRemoteSsh',
  'alicloudKms.insertSnippet',
  'alicloudKms.createRole',
  'alicloudKms.grantKmsAccess',
  'alicloudKms.attachRole',
  'alicloudKms.detachRole',
  'alicloudKms.replaceRole',
  'alicloudKms.createInstanceWithRole',
  'alicloudKms.openWalkthrough',
  'alicloudKms.showInstanceCredential',
  'alicloudKms.copyInstanceCredential',
  'alicloudKms.refreshInstanceCredential',
  'alicloudKms.testEncrypt',
  'alicloudKms.testEncryptAsProfile',
  'alicloudKms.testSecretRead',
  'alicloudKms.diagnose',
  'alicloudKms.checkKmsAccessOnInstances',
  // Repair and revoke (issue 15)
  'alicloudKms.editTrustPolicy',
  'alicloudKms.addEcsTrust',
  'alicloudKms.editPolicy',
  'alicloudKms.openPolicyVersion',
  'alicloudKms.setDefaultPolicyVersion',
  'alicloudKms.detachPolicy',
  'alicloudKms.revokeKmsAccess',
  'alicloudKms.deletePolicy',
  'alicloudKms.enableKey',
  'alicloudKms.explainAccess',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];

/**
 * The ids by short name (`COMMAND.grantKmsAccess` is 'alicloudKms.grantKmsAccess'): code that runs or
 * names one of our commands (buttons, links, fix actions) writes it through this, never as a literal.
 */
export const COMMAND = Object.fromEntries(COMMAND_IDS.map((id) => [id.slice('alicloudKms.'.length), id])) as {
  readonly [K in CommandId as K extends `alicloudKms.${infer Name}` ? Name : never]: K;
};
