import type { LanguageTemplates } from '../types';

// Python.
// Encrypt/Decrypt and envelope: the current KMS SDK generation (alibabacloud_kms20160120 on
// alibabacloud_tea_openapi) with alibabacloud_credentials' ecs_ram_role credential, which fetches the
// instance RAM role's temporary credential from the metadata service and refreshes it before it expires.
//   API: aliyun/alibabacloud-python-sdk kms-20160120/alibabacloud_kms20160120/models.py (EncryptRequest,
//   DecryptRequest, GenerateDataKeyRequest; "The plaintext must be Base64-encoded") and
//   aliyun/credentials-python README.md (Config(type='ecs_ram_role', role_name=...)).
// Envelope stays on the KMS SDK (GenerateDataKey + AES-256-GCM from `cryptography`), not on the Encryption
// SDK for Python: its only release (aliyun/alibabacloud-encryption-sdk-python 0.1.1, installed from the
// repository, not from PyPI) builds its KMS client from an AccessKey pair and nothing else
// (src/aliyun_encryption_sdk/kms/__init__.py: AliyunConfig(access_key_id, access_key_secret);
// src/aliyun_encryption_sdk/kms/kms.py: AcsClient(ak=..., secret=...)), so it cannot use the instance RAM role.
// Secrets: the Secrets Manager client for Python (cache and background refresh included), given the
// instance RAM role as an aliyunsdkcore EcsRamRoleCredential.
//   API: aliyun/aliyun-secretsmanager-client-python README.rst (package aliyun-secret-manager-client,
//   SecretManagerCacheClientBuilder.new_cache_client_builder), src/alibaba_cloud_secretsmanager_client/
//   service/default_secret_manager_client_builder.py (with_credentials, add_region_info; ecs_ram_role ->
//   credentials.EcsRamRoleCredential(role_name)), model/region_info.py (RegionInfo(region_id, vpc=...)).
//   aliyun/aliyun-openapi-python-sdk aliyun-python-sdk-core/aliyunsdkcore/auth/signers/ecs_ram_role_signer.py
//   fetches that credential with a plain GET (no IMDSv2 token): the snippet says so.

const KMS_DEPENDENCY = 'pip install alibabacloud_kms20160120 alibabacloud_credentials alibabacloud_tea_openapi';
const ENVELOPE_DEPENDENCY = `${KMS_DEPENDENCY} cryptography`;
const SECRETS_DEPENDENCY = 'pip install aliyun-secret-manager-client';

const ROLE_AND_REGION = `REGION_ID = '{{region}}'
# The instance RAM role attached to this ECS instance
ROLE_NAME = '{{roleName}}'`;

const CLIENT = `from alibabacloud_credentials.client import Client as CredentialClient
from alibabacloud_credentials.models import Config as CredentialConfig
from alibabacloud_kms20160120 import models as kms_models
from alibabacloud_kms20160120.client import Client as KmsClient
from alibabacloud_tea_openapi import models as open_api_models

${ROLE_AND_REGION}`;

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
import base64

${CLIENT}
# Key id or alias (alias/...) of the KMS key
KEY_ID = '{{keyId}}'


${CLIENT_FACTORY}


def main():
    client = kms_client()
    plaintext = 'Hello world'
    # KMS takes Plaintext as Base64: send the Base64 of the UTF-8 bytes, decode what Decrypt returns
    encoded = base64.b64encode(plaintext.encode('utf-8')).decode('ascii')
    encrypted = client.encrypt(kms_models.EncryptRequest(key_id=KEY_ID, plaintext=encoded))
    decrypted = client.decrypt(kms_models.DecryptRequest(ciphertext_blob=encrypted.body.ciphertext_blob))
    print('Decrypted text matches:', base64.b64decode(decrypted.body.plaintext).decode('utf-8') == plaintext)


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
    # The data key's Plaintext is Base64: decode it to the 32 key bytes
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
    description: 'Read a KMS secret with the Secrets Manager client for Python and the ECS instance RAM role (no AccessKey)',
    dependency: SECRETS_DEPENDENCY,
    text: `# ${SECRETS_DEPENDENCY}
from alibaba_cloud_secretsmanager_client.model.region_info import RegionInfo
from alibaba_cloud_secretsmanager_client.secret_manager_cache_client_builder import SecretManagerCacheClientBuilder
from alibaba_cloud_secretsmanager_client.service.default_secret_manager_client_builder import DefaultSecretManagerClientBuilder
from aliyunsdkcore.auth.credentials import EcsRamRoleCredential

${ROLE_AND_REGION}
SECRET_NAME = '{{secretName}}'


def secret_client():
    # EcsRamRoleCredential: the role's temporary credential comes from the instance metadata service and
    # is refreshed before it expires, no AccessKey anywhere. vpc=True: the VPC endpoint, reachable from
    # ECS without internet access. The client caches each secret value and refreshes it in the background.
    # aliyunsdkcore asks the metadata service without a token (IMDSv1): on an instance that enforces
    # IMDSv2, read the secret with the KMS SDK and alibabacloud_credentials' ecs_ram_role (see alikms-encrypt).
    return SecretManagerCacheClientBuilder.new_cache_client_builder(
        DefaultSecretManagerClientBuilder.standard()
        .with_credentials(EcsRamRoleCredential(ROLE_NAME))
        .add_region_info(RegionInfo(REGION_ID, vpc=True))
        .build()
    ).build()


def main():
    secret_info = secret_client().get_secret_info(SECRET_NAME)
    # Use the value; never print or log it
    print(f'Read secret {SECRET_NAME} ({len(secret_info.secret_value)} characters)')


if __name__ == '__main__':
    main()
`,
  },
};
