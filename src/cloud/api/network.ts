// Reachability of an endpoint, for Diagnose KMS Access: DNS, TCP, the service's Date header, and
// whether the metadata service accepts a token-less request. Implemented in ../networkProbe.ts.

export interface NetworkProbe {
  /** Fails with the resolver's code (ENOTFOUND, EAI_AGAIN...). */
  resolve(host: string): Promise<{ addresses: string[]; isIp: boolean; ms: number }>;
  /** Fails with the socket error code (ECONNREFUSED...) or ETIMEDOUT. */
  connect(host: string, port: number, timeoutMs: number): Promise<{ ms: number }>;
  /** The Date header of any answer from `origin` (e.g. `https://kms.cn-hangzhou.aliyuncs.com`), and the round trip. */
  serviceDate(origin: string, timeoutMs: number): Promise<{ dateMs: number | undefined; roundTripMs: number; localMs: number }>;
  /** true: answers without a token; false: 401/403 (hardened); undefined: could not tell. */
  tokenlessAllowed(metadataEndpoint: string, timeoutMs: number): Promise<boolean | undefined>;
}
