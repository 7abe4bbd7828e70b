// What the cloud layer receives from VS Code (small interfaces, so it never imports vscode).

/** AbortSignal-compatible: pass an `AbortController().signal` (commands link it to a CancellationToken). */
export interface CancelSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export interface CallOptions {
  readonly signal?: CancelSignal;
}

/** vscode.SecretStorage fits this shape. */
export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

/** vscode.LogOutputChannel fits this shape. Nothing passed here ever contains a secret. */
export interface CloudLog {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export type CloudProduct = 'ecs' | 'ram' | 'sts' | 'kms';

/** The settings the cloud layer reads (alicloudKms.*), read again each time services are created. */
export interface CloudSettings {
  /** alicloudKms.endpoints: per product, e.g. {"ecs":"http://127.0.0.1:1234"}; scheme = protocol. */
  readonly endpoints?: Partial<Record<CloudProduct, string>>;
  /** alicloudKms.metadataEndpoint, default http://100.100.100.200. */
  readonly metadataEndpoint?: string;
  /** Use kms-vpc.<region>.aliyuncs.com instead of the public KMS endpoint. */
  readonly kmsVpcEndpoint?: boolean;
  /** Regions queried at once by a fan-out (default 32: every public region). */
  readonly fanOutConcurrency?: number;
  /** Forbid the token-less (IMDSv1) metadata request; ALIBABA_CLOUD_IMDSV1_DISABLED=true does too. */
  readonly imdsv1Disabled?: boolean;
  /** Default region when a profile has none (default cn-hangzhou). */
  readonly defaultRegion?: string;
}

/** Everything the factory needs from its host. HOME and env are injectable for tests. */
export interface CloudEnvironment {
  readonly secrets: SecretStore;
  readonly settings: () => CloudSettings;
  readonly log?: CloudLog;
  /** Defaults to os.homedir(). */
  readonly home?: string;
  /** Defaults to process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}
