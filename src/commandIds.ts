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
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];
