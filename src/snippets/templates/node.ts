import type { LanguageTemplates } from '../types';

// Node.js (javascript) and TypeScript from one text: {{ts|...}} parts only in TypeScript, {{js|...}}
// parts only in JavaScript (see render.ts). JavaScript is CommonJS; TypeScript uses import syntax.
//
// There is no Encryption SDK or Secrets Manager client for Node.js: envelope encryption is
// GenerateDataKey + node:crypto AES-256-GCM, and secrets are read with GetSecretValue behind a TTL cache.
// @alicloud/credentials' ecs_ram_role type hard-codes the metadata address, so the snippet has its own
// small IMDSv2 credential provider, which ALIBABA_CLOUD_ECS_METADATA_ENDPOINT can point elsewhere
// (a local emulator); ALIBABA_CLOUD_KMS_ENDPOINT does the same for the KMS endpoint.
//   API: the typings of @alicloud/kms20160120 (dist/client.d.ts: Kms, EncryptRequest, DecryptRequest,
//   GenerateDataKeyRequest, GetSecretValueRequest) and @alicloud/rpc-client (Config), which the strict
//   TypeScript check in test/unit/snippets-structure.test.ts compiles every snippet against.

const DEPENDENCY = 'npm install @alicloud/kms20160120 @alicloud/rpc-client';

function header(requests: string, extraJs = '', extraTs = ''): string {
  return `// ${DEPENDENCY}
{{js|const { default: Kms, ${requests} } = require('@alicloud/kms20160120');}}
{{js|const { Config } = require('@alicloud/rpc-client');}}${extraJs ? `\n{{js|${extraJs}}}` : ''}
{{ts|import Kms, { ${requests} } from '@alicloud/kms20160120';}}
{{ts|import { Config } from '@alicloud/rpc-client';}}${extraTs ? `\n{{ts|${extraTs}}}` : ''}

const regionId = '{{region}}';
// The instance RAM role attached to this ECS instance
const roleName = '{{roleName}}';`;
}

const CLIENT = `{{ts|type InstanceCredential = { AccessKeyId: string; AccessKeySecret: string; SecurityToken: string; Expiration: string; Code: string };}}
// Reads the instance RAM role's temporary credential from the ECS metadata service (IMDSv2: token
// first) and keeps it until five minutes before it expires, one refresh at a time. No AccessKey anywhere.
function instanceRoleCredential(role{{ts|: string}}) {
  const base = process.env.ALIBABA_CLOUD_ECS_METADATA_ENDPOINT ?? 'http://100.100.100.200';
  let current{{ts|: InstanceCredential | undefined}};
  let refreshing{{ts|: Promise<InstanceCredential> | undefined}};
  async function metadata(path{{ts|: string}}, init{{ts|: RequestInit}}){{ts|: Promise<Response>}} {
    try {
      return await fetch(\`\${base}\${path}\`, { ...init, signal: AbortSignal.timeout(5000) });
    } catch {
      throw new Error(\`The ECS metadata service at \${base} did not answer: run this on an ECS instance\`);
    }
  }
  async function fetchCredential(){{ts|: Promise<InstanceCredential>}} {
    const tokenResponse = await metadata('/latest/api/token', {
      method: 'PUT',
      headers: { 'X-aliyun-ecs-metadata-token-ttl-seconds': '21600' },
    });
    if (!tokenResponse.ok) throw new Error(\`Metadata token request failed: HTTP \${tokenResponse.status}\`);
    const response = await metadata(\`/latest/meta-data/ram/security-credentials/\${encodeURIComponent(role)}\`, {
      headers: { 'X-aliyun-ecs-metadata-token': await tokenResponse.text() },
    });
    if (!response.ok) throw new Error(\`No credential for instance RAM role \${role}: HTTP \${response.status}\`);
    const credential = {{ts|(}}await response.json(){{ts|) as InstanceCredential}};
    if (credential.Code !== 'Success') throw new Error(\`No credential for instance RAM role \${role}: \${credential.Code}\`);
    return credential;
  }
  async function get(){{ts|: Promise<InstanceCredential>}} {
    if (!current || Date.parse(current.Expiration) - Date.now() < 5 * 60 * 1000) {
      refreshing ??= fetchCredential().finally(() => {
        refreshing = undefined;
      });
      current = await refreshing;
    }
    return current;
  }
  return {
    getAccessKeyId: async () => (await get()).AccessKeyId,
    getAccessKeySecret: async () => (await get()).AccessKeySecret,
    getSecurityToken: async () => (await get()).SecurityToken,
    getType: () => 'ecs_ram_role',
  };
}

// KMS client signing with the instance credential. Default: the VPC endpoint, reachable from ECS
// without internet access; ALIBABA_CLOUD_KMS_ENDPOINT overrides it (a host, or a URL like http://127.0.0.1:8080).
function kmsClient(){{ts|: Kms}} {
  const endpoint = process.env.ALIBABA_CLOUD_KMS_ENDPOINT ?? \`kms-vpc.\${regionId}.aliyuncs.com\`;
  const url = new URL(endpoint.includes('://') ? endpoint : \`https://\${endpoint}\`);
  return new Kms(
    new Config({
      credential: instanceRoleCredential(roleName),
      regionId,
      endpoint: url.host,
      protocol: url.protocol.replace(':', ''),
    }),
  );
}`;

const RUN_MAIN = `main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});`;

export const NODE: LanguageTemplates = {
  'encrypt-decrypt': {
    description: 'KMS Encrypt and Decrypt with the ECS instance RAM role (@alicloud/kms20160120, no AccessKey)',
    dependency: DEPENDENCY,
    text: `${header('EncryptRequest, DecryptRequest')}
// Key id or alias (alias/...) of the KMS key
const keyId = '{{keyId}}';

${CLIENT}

async function main(){{ts|: Promise<void>}} {
  const client = kmsClient();
  const plaintext = 'Hello world';
  // KMS takes Plaintext as Base64: send the Base64 of the UTF-8 bytes, decode what Decrypt returns
  const encrypted = await client.encrypt(new EncryptRequest({ keyId, plaintext: Buffer.from(plaintext, 'utf8').toString('base64') }));
  const decrypted = await client.decrypt(new DecryptRequest({ ciphertextBlob: encrypted.ciphertextBlob }));
  console.log('Decrypted text matches:', Buffer.from(decrypted.plaintext, 'base64').toString('utf8') === plaintext);
}

${RUN_MAIN}
`,
  },
  envelope: {
    description: 'Envelope encryption: KMS GenerateDataKey + AES-256-GCM (node:crypto), with the ECS instance RAM role',
    dependency: DEPENDENCY,
    text: `${header(
      'GenerateDataKeyRequest, DecryptRequest',
      "const { createCipheriv, createDecipheriv, randomBytes } = require('node:crypto');",
      "import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';",
    )}
// Key id or alias (alias/...) of the KMS key
const keyId = '{{keyId}}';

${CLIENT}

{{ts|type Envelope = { encryptedDataKey: string; iv: string; ciphertext: string; authTag: string };}}
// Encrypts locally with a fresh data key; store the envelope: it holds only the encrypted data key.
async function seal(client{{ts|: Kms}}, plaintext{{ts|: Buffer}}){{ts|: Promise<Envelope>}} {
  const dataKey = await client.generateDataKey(new GenerateDataKeyRequest({ keyId, keySpec: 'AES_256' }));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(dataKey.plaintext, 'base64'), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return {
    encryptedDataKey: dataKey.ciphertextBlob,
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    authTag: cipher.getAuthTag().toString('base64'),
  };
}

async function open(client{{ts|: Kms}}, envelope{{ts|: Envelope}}){{ts|: Promise<Buffer>}} {
  const dataKey = await client.decrypt(new DecryptRequest({ ciphertextBlob: envelope.encryptedDataKey }));
  const key = Buffer.from(dataKey.plaintext, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(envelope.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(envelope.authTag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(envelope.ciphertext, 'base64')), decipher.final()]);
}

async function main(){{ts|: Promise<void>}} {
  const client = kmsClient();
  const plaintext = Buffer.from('Hello world');
  const envelope = await seal(client, plaintext);
  console.log('Decrypted text matches:', (await open(client, envelope)).equals(plaintext));
}

${RUN_MAIN}
`,
  },
  'read-secret': {
    description: 'Read a KMS secret (GetSecretValue with a TTL cache) with the ECS instance RAM role (no AccessKey)',
    dependency: DEPENDENCY,
    text: `${header('GetSecretValueRequest')}
const secretName = '{{secretName}}';

${CLIENT}

{{ts|type CachedSecret = { value: string; expires: number };}}
const SECRET_TTL_MS = 5 * 60 * 1000;
const secretCache = new Map{{ts|<string, CachedSecret>}}();

// Returns the secret value, asking KMS at most once per SECRET_TTL_MS.
async function getSecret(client{{ts|: Kms}}, name{{ts|: string}}){{ts|: Promise<string>}} {
  const cached = secretCache.get(name);
  if (cached && cached.expires > Date.now()) return cached.value;
  const response = await client.getSecretValue(new GetSecretValueRequest({ secretName: name }));
  secretCache.set(name, { value: response.secretData, expires: Date.now() + SECRET_TTL_MS });
  return response.secretData;
}

async function main(){{ts|: Promise<void>}} {
  const value = await getSecret(kmsClient(), secretName);
  // Use the value; never print or log it
  console.log(\`Read secret \${secretName} (\${value.length} characters)\`);
}

${RUN_MAIN}
`,
  },
};
