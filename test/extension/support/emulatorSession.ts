// Points the extension under test at an in-process emulator: starts it, sets the machine-scoped
// endpoint settings for the test user, stores the emulator's administrator AccessKey as a profile
// through the extension's own factory (SecretStorage) and selects it. Returns the extension's API.
import * as vscode from 'vscode';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator';
import type { ExtensionApi } from '../../../src/extensionApi';
import { activated } from '../extension';

export interface EmulatorSession {
  readonly emulator: Emulator;
  readonly api: ExtensionApi;
  dispose(): Promise<void>;
}

export async function extensionApi(): Promise<ExtensionApi> {
  return (await activated()).exports as ExtensionApi;
}

export async function connectToEmulator(options: EmulatorOptions = {}): Promise<EmulatorSession> {
  const emulator = await startEmulator({ port: 0, metadataPort: 0, ...options });
  const config = vscode.workspace.getConfiguration('alicloudKms');
  const api = await extensionApi();
  await config.update('endpoints', { ram: emulator.api, ecs: emulator.api, kms: emulator.api, sts: emulator.api }, vscode.ConfigurationTarget.Global);
  await config.update('metadataEndpoint', emulator.metadata, vscode.ConfigurationTarget.Global);
  const profile = await api.factory.addAccessKey({
    name: 'emulator',
    accessKeyId: emulator.accessKeyId,
    accessKeySecret: emulator.accessKeySecret,
    region: 'cn-hangzhou',
  });
  await api.session.reloadProfiles();
  await api.session.selectProfile(profile);
  return {
    emulator,
    api,
    async dispose() {
      await api.factory.removeAccessKey(profile.id);
      await config.update('endpoints', undefined, vscode.ConfigurationTarget.Global);
      await config.update('metadataEndpoint', undefined, vscode.ConfigurationTarget.Global);
      await config.update('regions', undefined, vscode.ConfigurationTarget.Global);
      await api.session.reloadProfiles();
      await emulator.close();
    },
  };
}
