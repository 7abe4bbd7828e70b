// KMS envelope format: real AES-256-GCM under the key version's material, with the
// EncryptionContext bound as associated data. The blob names its key and version, so Decrypt
// needs no KeyId; any change to header, context or ciphertext fails authentication.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const MAGIC = Buffer.from('EMK1');

/** Canonical form of the context: keys sorted, so {a,b} and {b,a} are the same context. */
function contextBytes(context: Record<string, string> | undefined): Buffer {
  const sorted = Object.keys(context ?? {}).sort().map((k) => [k, context![k]]);
  return Buffer.from(JSON.stringify(sorted));
}

export function seal(keyId: string, versionId: string, material: Buffer, plaintext: Buffer, context?: Record<string, string>): string {
  const id = Buffer.from(keyId);
  const ver = Buffer.from(versionId);
  const header = Buffer.concat([MAGIC, Buffer.from([id.length]), id, Buffer.from([ver.length]), ver]);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', material, iv);
  cipher.setAAD(Buffer.concat([header, contextBytes(context)]));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([header, iv, cipher.getAuthTag(), ct]).toString('base64');
}

export interface Envelope { keyId: string; versionId: string; header: Buffer; iv: Buffer; tag: Buffer; ct: Buffer }

/** Reads the header of a blob; undefined when it is not one of ours. */
export function parse(blob: string): Envelope | undefined {
  const buf = Buffer.from(blob, 'base64');
  if (buf.length < 4 + 2 + 28 || !buf.subarray(0, 4).equals(MAGIC)) return undefined;
  let at = 4;
  const idLen = buf[at++];
  const keyId = buf.subarray(at, at + idLen).toString();
  at += idLen;
  const verLen = buf[at++];
  const versionId = buf.subarray(at, at + verLen).toString();
  at += verLen;
  if (buf.length < at + 28) return undefined;
  return { keyId, versionId, header: buf.subarray(0, at), iv: buf.subarray(at, at + 12), tag: buf.subarray(at + 12, at + 28), ct: buf.subarray(at + 28) };
}

/** The plaintext, or undefined when authentication fails (wrong context, tampered blob). */
export function open(env: Envelope, material: Buffer, context?: Record<string, string>): Buffer | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', material, env.iv);
    decipher.setAAD(Buffer.concat([env.header, contextBytes(context)]));
    decipher.setAuthTag(env.tag);
    return Buffer.concat([decipher.update(env.ct), decipher.final()]);
  } catch {
    return undefined;
  }
}
