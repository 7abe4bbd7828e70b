// What a signed request needs, and the adapter that hands it to both SDK generations.
// openapi-core (ECS/RAM/STS) calls `getCredential()`; the KMS rpc-client calls
// `getAccessKeyId()`, `getAccessKeySecret()`, `getSecurityToken()` one after the other.

export interface AccessKeyCredential {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string;
  /** Epoch ms; absent for long-term AccessKeys. */
  readonly expirationMs?: number;
}

export interface CredentialSupplier {
  /** Shown in logs and sent as x-acs-credentials-provider (never a secret). */
  readonly providerName: string;
  get(): Promise<AccessKeyCredential>;
}

/** The object the SDK clients receive as `config.credential`. */
export class SdkCredentialAdapter {
  /** The credential the last getAccessKeyId() read, so the rpc-client's three getters agree. */
  private current: AccessKeyCredential | undefined;

  constructor(private readonly supplier: CredentialSupplier) {}

  async getCredential(): Promise<{ accessKeyId: string; accessKeySecret: string; securityToken: string; bearerToken: string; type: string; providerName: string }> {
    const credential = await this.supplier.get();
    this.current = credential;
    return {
      accessKeyId: credential.accessKeyId,
      accessKeySecret: credential.accessKeySecret,
      securityToken: credential.securityToken ?? '',
      bearerToken: '',
      type: credential.securityToken ? 'sts' : 'access_key',
      providerName: this.supplier.providerName,
    };
  }

  async getAccessKeyId(): Promise<string> {
    this.current = await this.supplier.get();
    return this.current.accessKeyId;
  }

  async getAccessKeySecret(): Promise<string> {
    return (this.current ?? (await this.supplier.get())).accessKeySecret;
  }

  async getSecurityToken(): Promise<string> {
    return (this.current ?? (await this.supplier.get())).securityToken ?? '';
  }

  getType(): string {
    return this.current?.securityToken ? 'sts' : 'access_key';
  }
}

export function staticSupplier(providerName: string, credential: AccessKeyCredential): CredentialSupplier {
  return { providerName, get: async () => credential };
}
