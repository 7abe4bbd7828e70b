// The checklist of Diagnose KMS Access: each line passed / failed / skipped, with the evidence and a
// fix. Pure data (no vscode); the report renders it and the tests assert on `id` and `status`.
import type { CancelSignal, CloudServices, InstanceMetadata, KmsService, NetworkProbe } from '../cloud/types';
import type { Message } from '../util/message';
import type { FixAction } from './fixActions';

export type CheckStatus = 'passed' | 'failed' | 'skipped';

/** In report order. */
export const CHECK_IDS = ['metadata', 'token', 'role', 'credential', 'clock', 'dns', 'tcp', 'encrypt', 'trust', 'policies', 'vpc'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export interface CheckLine {
  readonly id: CheckId;
  readonly title: Message;
  readonly status: CheckStatus;
  readonly evidence: readonly Message[];
  readonly fix?: Message;
  readonly action?: FixAction;
}

export interface KmsEndpointInfo {
  readonly endpoint: string;
  readonly protocol: 'https' | 'http';
  /** The VPC endpoint (kms-vpc.<region>.aliyuncs.com) rather than the public one. */
  readonly vpc: boolean;
  /** Set by alicloudKms.endpoints. */
  readonly overridden: boolean;
}

export interface DiagnosisDeps {
  readonly metadata: InstanceMetadata;
  readonly network: NetworkProbe;
  /** KMS signed with the instance credential, in a region. */
  instanceKms(regionId: string): KmsService;
  kmsEndpoint(regionId: string): KmsEndpointInfo;
  /** The management profile's services, when one is active (not the instance itself). */
  readonly management?: { readonly profileName: string; readonly services: CloudServices };
  /** The key to test (id, alias or ARN), and its region when known (tree node, ARN). */
  readonly key?: { readonly identifier: string; readonly regionId?: string };
  /** Region when not on ECS (settings). */
  readonly fallbackRegionId: string;
  readonly now: () => number;
  readonly timeoutMs?: number;
  /** Cancels the cloud calls (Encrypt, the management profile's reads). */
  readonly signal?: CancelSignal;
}

export interface DiagnosisReport {
  readonly startedAt: number;
  readonly durationMs: number;
  readonly regionId: string;
  readonly kms: KmsEndpointInfo;
  readonly instanceId?: string;
  readonly roleName?: string;
  readonly key?: string;
  readonly managementProfile?: string;
  readonly lines: readonly CheckLine[];
}
