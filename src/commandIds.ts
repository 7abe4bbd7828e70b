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
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];

type ShortName<I> = I extends `alicloudKms.${infer N}` ? N : never;

/**
 * Each command id by its short name (`COMMAND.attachRole` is `'alicloudKms.attachRole'`): code names a
 * command only through this (an eslint rule refuses a command id literal anywhere else in src/).
 */
export const COMMAND = Object.fromEntries(COMMAND_IDS.map((id) => [id.slice(id.indexOf('.') + 1), id])) as {
  readonly [I in CommandId as ShortName<I>]: I;
};
