// The contract between the cloud layer and the rest of the extension (views, commands, extension.ts).
// Plain data in and out: no @alicloud/* type appears here, so importing this file loads no SDK.
// Views and commands code against these interfaces; `src/cloud/index.ts` builds the implementations.
// One file per subject under api/; this barrel is what the rest of the extension imports.

export { CloudError, CloudCancelledError, isCloudError } from './cloudError';
export type { AccessDeniedInfo, CloudErrorInit } from './cloudError';
export type { HintRef } from './hintCatalog';
export type * from './api/host';
export type * from './api/profiles';
export type * from './api/paging';
export type * from './api/ram';
export type * from './api/ecs';
export type * from './api/kms';
export type * from './api/sts';
export type * from './api/metadata';
export type * from './api/network';
export type * from './api/services';
export type * from './api/cloudAssistant';
