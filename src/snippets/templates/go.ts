import type { LanguageTemplates } from '../types';

// Go: alibaba-cloud-sdk-go's KMS client made with NewClientWithEcsRamRole (fetches and refreshes the
// instance RAM role's temporary credential from the metadata service) and the Secrets Manager client
// for Go with the same EcsRamRoleCredential. Envelope encryption: GenerateDataKey, then AES-256-GCM
// from the standard library with the data key (only the encrypted data key is stored).
//   KMS API: aliyun/alibaba-cloud-sdk-go services/kms/client.go (NewClientWithEcsRamRole),
//   services/kms/encrypt.go, decrypt.go, generate_data_key.go (request fields; Plaintext is Base64).
//   Secrets API: aliyun/aliyun-secretsmanager-client-go README.md (NewSecretCacheClientBuilder(...).Build()),
//   sdk/service/secret_manager_client.go (NewDefaultSecretManagerClientBuilder().Standard(),
//   WithCredentials, WithRegion), sdk/utils/credentials_utils.go (ecs_ram_role -> credentials.EcsRamRoleCredential),
//   and alibaba-cloud-sdk-go sdk/auth/credentials/ecs_ram_role.go (NewEcsRamRoleCredential).

const KMS_DEPENDENCY = 'go get github.com/aliyun/alibaba-cloud-sdk-go/services/kms';
const SECRETS_DEPENDENCY =
  'go get github.com/aliyun/aliyun-secretsmanager-client-go github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials';

export const GO: LanguageTemplates = {
  'encrypt-decrypt': {
    description: 'KMS Encrypt and Decrypt with the ECS instance RAM role (alibaba-cloud-sdk-go, no AccessKey)',
    dependency: KMS_DEPENDENCY,
    text: `// ${KMS_DEPENDENCY}
package main

import (
	"encoding/base64"
	"fmt"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/kms"
)

func main() {
	regionID := "{{region}}"
	// The instance RAM role attached to this ECS instance
	roleName := "{{roleName}}"
	// Key id or alias (alias/...) of the KMS key
	keyID := "{{keyId}}"

	// Fetches the role's temporary credential from the instance metadata service and refreshes it
	client, err := kms.NewClientWithEcsRamRole(regionID, roleName)
	if err != nil {
		panic(err)
	}

	plaintext := "Hello world"
	encryptRequest := kms.CreateEncryptRequest()
	encryptRequest.Scheme = "https"
	encryptRequest.KeyId = keyID
	// KMS takes Plaintext as Base64: send the Base64 of the UTF-8 bytes, decode what Decrypt returns
	encryptRequest.Plaintext = base64.StdEncoding.EncodeToString([]byte(plaintext))
	encrypted, err := client.Encrypt(encryptRequest)
	if err != nil {
		panic(err)
	}

	decryptRequest := kms.CreateDecryptRequest()
	decryptRequest.Scheme = "https"
	decryptRequest.CiphertextBlob = encrypted.CiphertextBlob
	decrypted, err := client.Decrypt(decryptRequest)
	if err != nil {
		panic(err)
	}
	decoded, err := base64.StdEncoding.DecodeString(decrypted.Plaintext)
	if err != nil {
		panic(err)
	}
	fmt.Println("Decrypted text matches:", string(decoded) == plaintext)
}
`,
  },
  envelope: {
    description: 'Envelope encryption: KMS GenerateDataKey + AES-256-GCM, with the ECS instance RAM role (no AccessKey)',
    dependency: KMS_DEPENDENCY,
    text: `// ${KMS_DEPENDENCY}
package main

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"fmt"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/kms"
)

// Envelope is what you store: the data encrypted locally and the data key encrypted by KMS.
type Envelope struct {
	EncryptedDataKey string
	Nonce            []byte
	Ciphertext       []byte
}

func newGCM(dataKeyBase64 string) (cipher.AEAD, error) {
	dataKey, err := base64.StdEncoding.DecodeString(dataKeyBase64)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(dataKey)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

func seal(client *kms.Client, keyID string, plaintext []byte) (*Envelope, error) {
	request := kms.CreateGenerateDataKeyRequest()
	request.Scheme = "https"
	request.KeyId = keyID
	request.KeySpec = "AES_256"
	dataKey, err := client.GenerateDataKey(request)
	if err != nil {
		return nil, err
	}
	gcm, err := newGCM(dataKey.Plaintext)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, gcm.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	return &Envelope{dataKey.CiphertextBlob, nonce, gcm.Seal(nil, nonce, plaintext, nil)}, nil
}

func open(client *kms.Client, envelope *Envelope) ([]byte, error) {
	request := kms.CreateDecryptRequest()
	request.Scheme = "https"
	request.CiphertextBlob = envelope.EncryptedDataKey
	dataKey, err := client.Decrypt(request)
	if err != nil {
		return nil, err
	}
	gcm, err := newGCM(dataKey.Plaintext)
	if err != nil {
		return nil, err
	}
	return gcm.Open(nil, envelope.Nonce, envelope.Ciphertext, nil)
}

func main() {
	regionID := "{{region}}"
	// The instance RAM role attached to this ECS instance
	roleName := "{{roleName}}"
	// Key id or alias (alias/...) of the KMS key
	keyID := "{{keyId}}"

	// Fetches the role's temporary credential from the instance metadata service and refreshes it
	client, err := kms.NewClientWithEcsRamRole(regionID, roleName)
	if err != nil {
		panic(err)
	}
	envelope, err := seal(client, keyID, []byte("Hello world"))
	if err != nil {
		panic(err)
	}
	plaintext, err := open(client, envelope)
	if err != nil {
		panic(err)
	}
	fmt.Println("Decrypted text matches:", string(plaintext) == "Hello world")
}
`,
  },
  'read-secret': {
    description: 'Read a KMS secret with the Secrets Manager client for Go and the ECS instance RAM role (no AccessKey)',
    dependency: SECRETS_DEPENDENCY,
    text: `// ${SECRETS_DEPENDENCY}
package main

import (
	"fmt"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"
	"github.com/aliyun/aliyun-secretsmanager-client-go/sdk"
	"github.com/aliyun/aliyun-secretsmanager-client-go/sdk/service"
)

func main() {
	regionID := "{{region}}"
	// The instance RAM role attached to this ECS instance
	roleName := "{{roleName}}"
	secretName := "{{secretName}}"

	// The client caches the secret value and refreshes it; the role's credential comes from the metadata service
	client, err := sdk.NewSecretCacheClientBuilder(
		service.NewDefaultSecretManagerClientBuilder().Standard().
			WithCredentials(credentials.NewEcsRamRoleCredential(roleName)).
			WithRegion(regionID).
			Build()).Build()
	if err != nil {
		panic(err)
	}
	secretInfo, err := client.GetSecretInfo(secretName)
	if err != nil {
		panic(err)
	}
	// Use the value; never print or log it
	fmt.Printf("Read secret %s (%d characters)\\n", secretName, len(secretInfo.SecretValue))
}
`,
  },
};
