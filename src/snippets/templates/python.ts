import type { LanguageTemplates } from '../types';

// Python: the current SDK generation (alibabacloud_kms20160120 on alibabacloud_tea_openapi) with
// alibabacloud_credentials' ecs_ram_role credential, which fetches the instance RAM role's temporary
// credential from the metadata service and refreshes it before it expires.
// Envelope: GenerateDataKey + AES-256-GCM (cryptography). Secrets: GetSecretValue behind a small TTL cache.

const KMS_DEPENDENCY = 'pip install alibabacloud_kms20160120 alibabacloud_credentials alibabacloud_tea_openapi';
const ENVELOPE_DEPENDENCY = `${KMS_DEPENDENCY} cryptography`;

const CLIENT = `from alibabacloud_credentials.client import Client as CredentialClient
from alibabacloud_credentials.models import Config as CredentialConfig
from alibabacloud_kms20160120 import models as kms_models
from alibabacloud_kms20160120.client import Client as KmsClient
from alibabacloud_tea_openapi import models as open_api_models

REGION_ID = '{{region}}'
# The instance RAM role attached to this ECS instance
ROLE_NAME = '{{roleName}}'`;

const CLIENT_FACTORY = `def kms_client():
    # The ecs_ram_role credential reads the role's temporary credential from the instance metadata
    # service and refreshes it: no AccessKey in code or configuration.
    credential = CredentialClient(CredentialConfig(type='ecs_ram_role', role_name=ROLE_NAME))
    # VPC endpoint: reachable from ECS without internet access
    config = open_api_models.Config(credential=credential, region_id=REGION_ID,
                                    endpoint=f'kms-vpc.{REGION_ID}.aliyuncs.com')
    return KmsClient(config)`;

export const PYTHON: LanguageTemplates = {
  'encrypt-decrypt': {
    description: 'KMS Encrypt and Decrypt with the ECS instance RAM role (alibabacloud_kms20160120, no AccessKey)',
    dependency: KMS_DEPENDENCY,
    text: `# ${KMS_DEPENDENCY}
${CLIENT}
# Key id or alias (alias/...) of the KMS key
KEY_ID = '{{keyId}}'


${CLIENT_FACTORY}


def main():
    client = kms_client()
    plaintext = 'Hello world'
    encrypted = client.encrypt(kms_models.EncryptRequest(key_id=KEY_ID, plaintext=plaintext))
    decrypted = client.decrypt(kms_models.DecryptRequest(ciphertext_blob=encrypted.body.ciphertext_blob))
    print('Decrypted text matches:', decrypted.body.plaintext == plaintext)


if __name__ == '__main__':
    main()
`,
  },
  envelope: {
    description: 'Envelope encryption: KMS GenerateDataKey + AES-256-GCM, with the ECS instance RAM role (no AccessKey)',
    dependency: ENVELOPE_DEPENDENCY,
    text: `# ${ENVELOPE_DEPENDENCY}
import base64
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
${CLIENT}
# Key id or alias (alias/...) of the KMS key
KEY_ID = '{{keyId}}'


${CLIENT_FACTORY}


def seal(client, plaintext: bytes) -> dict:
    """Encrypts locally with a fresh data key; store the result, it holds only the encrypted data key."""
    data_key = client.generate_data_key(kms_models.GenerateDataKeyRequest(key_id=KEY_ID, key_spec='AES_256'))
    nonce = os.urandom(12)
    ciphertext = AESGCM(base64.b64decode(data_key.body.plaintext)).encrypt(nonce, plaintext, None)
    return {'encrypted_data_key': data_key.body.ciphertext_blob, 'nonce': nonce, 'ciphertext': ciphertext}


def open_envelope(client, envelope: dict) -> bytes:
    data_key = client.decrypt(kms_models.DecryptRequest(ciphertext_blob=envelope['encrypted_data_key']))
    return AESGCM(base64.b64decode(data_key.body.plaintext)).decrypt(envelope['nonce'], envelope['ciphertext'], None)


def main():
    client = kms_client()
    envelope = seal(client, b'Hello world')
    print('Decrypted text matches:', open_envelope(client, envelope) == b'Hello world')


if __name__ == '__main__':
    main()
`,
  },
  'read-secret': {
    description: 'Read a KMS secret (GetSecretValue with a TTL cache) with the ECS instance RAM role (no AccessKey)',
    dependency: KMS_DEPENDENCY,
    text: `# ${KMS_DEPENDENCY}
import time

${CLIENT}
SECRET_NAME = '{{secretName}}'
SECRET_TTL_SECONDS = 300

_secret_cache = {}


${CLIENT_FACTORY}


def get_secret(client, name: str) -> str:
    """Returns the secret value, asking KMS at most once per SECRET_TTL_SECONDS."""
    cached = _secret_cache.get(name)
    if cached and cached[1] > time.monotonic():
        return cached[0]
    response = client.get_secret_value(kms_models.GetSecretValueRequest(secret_name=name))
    _secret_cache[name] = (response.body.secret_data, time.monotonic() + SECRET_TTL_SECONDS)
    return response.body.secret_data


def main():
    value = get_secret(kms_client(), SECRET_NAME)
    # Use the value; never print or log it
    print(f'Read secret {SECRET_NAME} ({len(value)} characters)')


if __name__ == '__main__':
    main()
`,
  },
};
