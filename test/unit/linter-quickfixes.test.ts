// alicloud-kms-lint: ignore-file (this file is a test fixture full of fake AccessKeys)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findAccessKeys, lintTarget } from '../../src/linter/detect';
import { applyEdits, quickFixes } from '../../src/linter/quickFixes';

const ID = 'LTAI' + '5tQbCdEfGhIjKlMnOp';
const SECRET = 'aB3dE5gH7jK9mN1p' + 'Q3sT5vW7yZ9bC1';
const CHAIN = 'default credential chain: environment, config file, ECS instance RAM role';

/** The text after applying the fix of the given kind to the only finding. */
function fixed(text: string, languageId: string, fileName: string, kind: 'env' | 'credentialChain'): string | undefined {
  const findings = findAccessKeys(text, languageId, fileName);
  assert.equal(findings.length, 1, 'exactly one finding');
  const fix = quickFixes(text, lintTarget(languageId, fileName)!, findings[0]).find((f) => f.kind === kind);
  return fix && applyEdits(text, fix.edits);
}

test('TypeScript: environment lookup, and the credential chain with its import', () => {
  const text = `import Kms from '@alicloud/kms20160120';\n\nconst accessKeySecret = '${SECRET}';\n`;
  assert.equal(fixed(text, 'typescript', 'a.ts', 'env'), `import Kms from '@alicloud/kms20160120';\n\nconst accessKeySecret = process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;\n`);
  assert.equal(
    fixed(text, 'typescript', 'a.ts', 'credentialChain'),
    `import Kms from '@alicloud/kms20160120';\nimport Credential from '@alicloud/credentials';\n\nconst credential = new Credential(); // ${CHAIN}\n`,
  );
});

test('CommonJS JavaScript gets a require, keeps the indentation', () => {
  const text = `const x = require('x');\nfunction f() {\n  const accessKeyId = "${ID}";\n}\n`;
  assert.equal(
    fixed(text, 'javascript', 'a.js', 'credentialChain'),
    `const x = require('x');\nconst Credential = require('@alicloud/credentials').default;\nfunction f() {\n  const credential = new Credential(); // ${CHAIN}\n}\n`,
  );
  assert.equal(fixed(text, 'javascript', 'a.js', 'env'), `const x = require('x');\nfunction f() {\n  const accessKeyId = process.env.ALIBABA_CLOUD_ACCESS_KEY_ID;\n}\n`);
});

test('Python: os.environ with "import os" added once, after the shebang', () => {
  const text = `#!/usr/bin/env python3\naccess_key_secret = '${SECRET}'\n`;
  assert.equal(fixed(text, 'python', 'a.py', 'env'), `#!/usr/bin/env python3\nimport os\naccess_key_secret = os.environ['ALIBABA_CLOUD_ACCESS_KEY_SECRET']\n`);
  const withOs = `import os\n\naccess_key_secret = '${SECRET}'\n`;
  assert.equal(fixed(withOs, 'python', 'a.py', 'env'), `import os\n\naccess_key_secret = os.environ['ALIBABA_CLOUD_ACCESS_KEY_SECRET']\n`);
  assert.equal(
    fixed(withOs, 'python', 'a.py', 'credentialChain'),
    `import os\nfrom alibabacloud_credentials.client import Client as CredentialClient\n\ncredential = CredentialClient()  # ${CHAIN}\n`,
  );
});

test('Go: os.Getenv with "os" added to the import block; the chain checks its error', () => {
  const text = `package main\n\nimport (\n\t"fmt"\n)\n\nfunc main() {\n\tsecret := "${SECRET}"\n\tfmt.Println(len(secret))\n}\n`.replace('secret :=', 'accessKeySecret :=');
  assert.equal(
    fixed(text, 'go', 'main.go', 'env'),
    `package main\n\nimport (\n\t"os"\n\t"fmt"\n)\n\nfunc main() {\n\taccessKeySecret := os.Getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET")\n\tfmt.Println(len(secret))\n}\n`,
  );
  assert.equal(
    fixed(text, 'go', 'main.go', 'credentialChain'),
    `package main\n\nimport (\n\t"github.com/aliyun/credentials-go/credentials"\n\t"fmt"\n)\n\nfunc main() {\n\tcredential, err := credentials.NewCredential(nil) // ${CHAIN}\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\tfmt.Println(len(secret))\n}\n`,
  );
});

test('Java: System.getenv, or the credentials client', () => {
  const text = `class A {\n    String accessKeySecret = "${SECRET}";\n}\n`;
  assert.equal(fixed(text, 'java', 'A.java', 'env'), `class A {\n    String accessKeySecret = System.getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET");\n}\n`);
  assert.equal(
    fixed(text, 'java', 'A.java', 'credentialChain'),
    `class A {\n    com.aliyun.credentials.Client credential = new com.aliyun.credentials.Client(); // ${CHAIN}\n}\n`,
  );
});

test('a property inside an object literal gets only the environment fix (replacing the line would break it)', () => {
  const text = `const client = new Kms(new Config({\n  accessKeySecret: '${SECRET}',\n}));\n`;
  assert.equal(fixed(text, 'typescript', 'a.ts', 'credentialChain'), undefined);
  assert.equal(fixed(text, 'typescript', 'a.ts', 'env'), `const client = new Kms(new Config({\n  accessKeySecret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,\n}));\n`);
});

test('configuration files: ${VAR} in properties and YAML, the value removed in .env', () => {
  assert.equal(fixed(`aliyun.access-key-secret=${SECRET}\n`, 'properties', 'app.properties', 'env'), 'aliyun.access-key-secret=${ALIBABA_CLOUD_ACCESS_KEY_SECRET}\n');
  assert.equal(fixed(`accessKeySecret: "${SECRET}" # prod\n`, 'yaml', 'a.yml', 'env'), 'accessKeySecret: ${ALIBABA_CLOUD_ACCESS_KEY_SECRET} # prod\n');
  assert.equal(fixed(`ALIBABA_CLOUD_ACCESS_KEY_ID=${ID}\n`, 'plaintext', '.env', 'env'), 'ALIBABA_CLOUD_ACCESS_KEY_ID=\n');
  assert.equal(fixed(`ALIBABA_CLOUD_ACCESS_KEY_ID=${ID}\n`, 'plaintext', '.env', 'credentialChain'), undefined);
});

test('after any fix the linter finds nothing more', () => {
  const text = `import os\naccess_key_secret = '${SECRET}'\n`;
  for (const kind of ['env', 'credentialChain'] as const) {
    const result = fixed(text, 'python', 'a.py', kind)!;
    assert.deepEqual(findAccessKeys(result, 'python', 'a.py'), []);
  }
});

test('positional id and secret: each gets its environment variable', () => {
  const text = `client = AcsClient('${ID}', '${SECRET}', 'cn-hangzhou')\n`;
  const target = lintTarget('python', 'a.py')!;
  const edits = findAccessKeys(text, 'python', 'a.py').flatMap((finding) => quickFixes(text, target, finding).find((f) => f.kind === 'env')!.edits);
  // the two "import os" insertions are the same edit; keep one
  const unique = edits.filter((edit, index) => edits.findIndex((e) => e.start === edit.start && e.newText === edit.newText) === index);
  assert.equal(
    applyEdits(text, unique),
    "import os\nclient = AcsClient(os.environ['ALIBABA_CLOUD_ACCESS_KEY_ID'], os.environ['ALIBABA_CLOUD_ACCESS_KEY_SECRET'], 'cn-hangzhou')\n",
  );
});
