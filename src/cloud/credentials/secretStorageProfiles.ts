// AccessKeys the user entered in VS Code: one JSON document in SecretStorage (it has no "list"),
// {name: {accessKeyId, accessKeySecret, region}}. Nothing of it is ever written elsewhere.
import type { AccessKeyInput, SecretStore } from '../types';
import { makeEntry, type ProfileEntry } from './profileSpec';

export const SECRET_KEY = 'alicloudKms.accessKeys';

interface Stored {
  accessKeyId: string;
  accessKeySecret: string;
  region?: string;
}

const ACCESS_KEY_ID = /^[A-Za-z0-9]{8,128}$/;

async function readAll(store: SecretStore): Promise<Record<string, Stored>> {
  const text = await store.get(SECRET_KEY);
  if (!text) return {};
  try {
    const doc = JSON.parse(text) as Record<string, Stored>;
    return doc && typeof doc === 'object' ? doc : {};
  } catch {
    return {};
  }
}

export async function readSecretProfiles(store: SecretStore): Promise<ProfileEntry[]> {
  const all = await readAll(store);
  return Object.entries(all)
    .filter(([, v]) => v && typeof v.accessKeyId === 'string' && typeof v.accessKeySecret === 'string')
    .map(([name, v]) => makeEntry('secretStorage', name, 'AK', { type: 'accessKey', accessKeyId: v.accessKeyId, accessKeySecret: v.accessKeySecret }, { region: v.region }));
}

/** Checks what the user typed; the message says what is wrong (never echoing the secret). */
export function validateAccessKeyInput(input: AccessKeyInput): string | undefined {
  if (!ACCESS_KEY_ID.test(input.accessKeyId.trim())) return 'The AccessKey ID should be 8 to 128 letters and digits (e.g. LTAI5t...).';
  if (input.accessKeySecret.trim().length < 8) return 'The AccessKey secret looks too short.';
  if (input.name !== undefined && !/^[\w.@-]{1,64}$/.test(input.name)) return 'The profile name may use letters, digits, _ . @ - (at most 64).';
  return undefined;
}

export async function storeAccessKey(store: SecretStore, input: AccessKeyInput): Promise<ProfileEntry> {
  const problem = validateAccessKeyInput(input);
  if (problem) throw new Error(problem);
  const name = input.name ?? 'default';
  const all = await readAll(store);
  all[name] = { accessKeyId: input.accessKeyId.trim(), accessKeySecret: input.accessKeySecret.trim(), region: input.region };
  await store.store(SECRET_KEY, JSON.stringify(all));
  return makeEntry('secretStorage', name, 'AK', { type: 'accessKey', accessKeyId: all[name].accessKeyId, accessKeySecret: all[name].accessKeySecret }, { region: input.region });
}

export async function removeAccessKey(store: SecretStore, name: string): Promise<boolean> {
  const all = await readAll(store);
  if (!(name in all)) return false;
  delete all[name];
  if (Object.keys(all).length === 0) await store.delete(SECRET_KEY);
  else await store.store(SECRET_KEY, JSON.stringify(all));
  return true;
}
