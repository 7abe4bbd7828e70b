import type { LanguageTemplates } from '../types';

// Java: the three examples of step 4 of the product document, corrected so they compile as written
// (the document's KMS example uses Gson without importing it, and its Secrets Manager example uses
// SecretCacheClient/SecretCacheClientBuilder without importing them, from a package that does not exist).
// Credentials: InstanceProfileCredentialsProvider(roleName) of aliyun-java-sdk-core fetches the instance
// RAM role's temporary credential from the metadata service and refreshes it before it expires.

const KMS_DEPENDENCY = 'Maven: com.aliyun:aliyun-java-sdk-core:4.5.16, com.aliyun:aliyun-java-sdk-kms:2.14.0';
const ENCRYPTION_SDK_DEPENDENCY = 'Maven: com.aliyun:alibabacloud-encryption-sdk-java:1.0.6';
const SECRETS_DEPENDENCY = 'Maven: com.aliyun:alibabacloud-secretsmanager-client:1.3.2';

export const JAVA: LanguageTemplates = {
  'encrypt-decrypt': {
    description: 'KMS Encrypt and Decrypt with the ECS instance RAM role (KMS SDK, no AccessKey)',
    dependency: KMS_DEPENDENCY,
    text: `// ${KMS_DEPENDENCY}
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.InstanceProfileCredentialsProvider;
import com.aliyuncs.kms.model.v20160120.DecryptRequest;
import com.aliyuncs.kms.model.v20160120.DecryptResponse;
import com.aliyuncs.kms.model.v20160120.EncryptRequest;
import com.aliyuncs.kms.model.v20160120.EncryptResponse;
import com.aliyuncs.profile.DefaultProfile;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

public class KmsEncryptDecrypt {
    public static void main(String[] args) throws Exception {
        String regionId = "{{region}}";
        // The instance RAM role attached to this ECS instance
        String roleName = "{{roleName}}";
        // Key id or alias (alias/...) of the KMS key
        String keyId = "{{keyId}}";

        // Fetches the role's temporary credential from the instance metadata service and refreshes it
        AlibabaCloudCredentialsProvider provider = new InstanceProfileCredentialsProvider(roleName);
        IAcsClient client = new DefaultAcsClient(DefaultProfile.getProfile(regionId), provider);

        String plaintext = "Hello world";
        EncryptRequest encryptRequest = new EncryptRequest();
        encryptRequest.setKeyId(keyId);
        // KMS takes Plaintext as Base64: send the Base64 of the UTF-8 bytes, decode what Decrypt returns
        encryptRequest.setPlaintext(Base64.getEncoder().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8)));
        EncryptResponse encrypted = client.getAcsResponse(encryptRequest);

        DecryptRequest decryptRequest = new DecryptRequest();
        decryptRequest.setCiphertextBlob(encrypted.getCiphertextBlob());
        DecryptResponse decrypted = client.getAcsResponse(decryptRequest);
        String decryptedText = new String(Base64.getDecoder().decode(decrypted.getPlaintext()), StandardCharsets.UTF_8);
        System.out.println("Decrypted text matches: " + plaintext.equals(decryptedText));
    }
}
`,
  },
  envelope: {
    description: 'Envelope encryption with the Encryption SDK and the ECS instance RAM role (no AccessKey)',
    dependency: ENCRYPTION_SDK_DEPENDENCY,
    text: `// ${ENCRYPTION_SDK_DEPENDENCY}
import com.aliyun.encryptionsdk.AliyunConfig;
import com.aliyun.encryptionsdk.AliyunCrypto;
import com.aliyun.encryptionsdk.model.CryptoResult;
import com.aliyun.encryptionsdk.provider.dataKey.DefaultDataKeyProvider;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;

public class EnvelopeEncryption {
    public static void main(String[] args) throws Exception {
        String regionId = "{{region}}";
        String accountId = "{{accountId}}";
        // Key id of the KMS key (the Encryption SDK needs the key's ARN, so not an alias)
        String keyId = "{{keyId:your-key-id}}";
        String keyArn = "acs:kms:" + regionId + ":" + accountId + ":key/" + keyId;

        AliyunConfig config = new AliyunConfig();
        // The instance RAM role attached to this ECS instance: its credential is fetched and refreshed automatically
        config.withEcsRamRole("{{roleName}}");
        AliyunCrypto crypto = new AliyunCrypto(config);

        // GenerateDataKey gives a data key; the data is encrypted locally with it (AES-256-GCM)
        DefaultDataKeyProvider dataKeyProvider = new DefaultDataKeyProvider(keyArn);
        byte[] plaintext = "Hello world".getBytes(StandardCharsets.UTF_8);
        CryptoResult<byte[]> encrypted = crypto.encrypt(dataKeyProvider, plaintext, Collections.singletonMap("purpose", "example"));
        CryptoResult<byte[]> decrypted = crypto.decrypt(dataKeyProvider, encrypted.getResult());
        System.out.println("Decrypted bytes match: " + Arrays.equals(plaintext, decrypted.getResult()));
    }
}
`,
  },
  'read-secret': {
    description: 'Read a KMS secret with the Secrets Manager client and the ECS instance RAM role (no AccessKey)',
    dependency: SECRETS_DEPENDENCY,
    text: `// ${SECRETS_DEPENDENCY}
import com.aliyuncs.auth.InstanceProfileCredentialsProvider;
import com.aliyuncs.kms.secretsmanager.client.SecretCacheClient;
import com.aliyuncs.kms.secretsmanager.client.SecretCacheClientBuilder;
import com.aliyuncs.kms.secretsmanager.client.model.SecretInfo;
import com.aliyuncs.kms.secretsmanager.client.service.BaseSecretManagerClientBuilder;

public class ReadSecret {
    public static void main(String[] args) throws Exception {
        String regionId = "{{region}}";
        // The instance RAM role attached to this ECS instance
        String roleName = "{{roleName}}";
        String secretName = "{{secretName}}";

        // The client caches the secret value and refreshes it; the role's credential comes from the metadata service
        SecretCacheClient client = SecretCacheClientBuilder.newCacheClientBuilder(
                BaseSecretManagerClientBuilder.standard()
                        .withCredentialsProvider(new InstanceProfileCredentialsProvider(roleName))
                        .withRegion(regionId)
                        .build())
                .build();
        SecretInfo secretInfo = client.getSecretInfo(secretName);
        // Use the value; never print or log it
        String secretValue = secretInfo.getSecretValue();
        System.out.println("Read secret " + secretName + " (" + secretValue.length() + " characters)");
    }
}
`,
  },
};
