// Profiles (management credentials). Display data only: never a secret.

export type ProfileSource = 'aliyunCli' | 'environment' | 'credentialsFile' | 'secretStorage' | 'ecsInstance';

/** Credential modes (the aliyun CLI's names). */
export type ProfileKind =
  | 'AK'
  | 'StsToken'
  | 'RamRoleArn'
  | 'EcsRamRole'
  | 'ChainableRamRoleArn'
  | 'OIDC'
  | 'CloudSSO'
  | 'External'
  | 'CredentialsURI'
  | 'RsaKeyPair'
  | 'Unknown';

export interface Profile {
  /** Stable id `${source}:${name}` (what the status bar and settings remember). */
  readonly id: string;
  readonly name: string;
  readonly source: ProfileSource;
  readonly kind: ProfileKind;
  /** The profile's own default region, when it has one. */
  readonly region?: string;
  /** e.g. `LTAI****wxyz`; absent for modes without a stored AccessKey. */
  readonly accessKeyIdMasked?: string;
  /** Role the profile assumes (RamRoleArn, EcsRamRole...). */
  readonly roleName?: string;
  /** False when this extension cannot use the profile; `unusableReason` says why (English). */
  readonly usable: boolean;
  readonly unusableReason?: string;
  /** File the profile came from (config.json / credentials), for "Open" actions. */
  readonly file?: string;
}

export interface ProfileList {
  readonly profiles: readonly Profile[];
  /** The id the environment or the aliyun CLI marks as current (ALIBABA_CLOUD_PROFILE, `current`). */
  readonly preferredId?: string;
  /** Problems reading sources (unreadable file, bad JSON): shown in the log, the rest still listed. */
  readonly warnings: readonly string[];
}

export interface AccessKeyInput {
  /** Display name of the stored profile (default "default"). */
  readonly name?: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly region?: string;
}
