// The demo's VS Code: code-server with the packaged extension, signed in to the emulator's demo account
// through the standard environment variables, and acting as "on an ECS instance" (the emulator's
// metadata service). Shared by `npm run demo` and the e2e tests that take the README's screenshots.
import type { Emulator } from '../emulator';
import type { CodeServerOptions } from './codeServer';

export function demoHostOptions(emulator: Emulator, vsix: string, extra: Partial<CodeServerOptions> = {}): CodeServerOptions {
  return {
    installExtensions: [vsix],
    ...extra,
    env: {
      ALIBABA_CLOUD_ACCESS_KEY_ID: emulator.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: emulator.accessKeySecret,
      ALIBABA_CLOUD_REGION_ID: 'cn-hangzhou',
      ...extra.env,
    },
    settings: {
      'alicloudKms.endpoints': { ram: emulator.api, ecs: emulator.api, kms: emulator.api, sts: emulator.api },
      'alicloudKms.metadataEndpoint': emulator.metadata,
      ...extra.settings,
    },
  };
}
