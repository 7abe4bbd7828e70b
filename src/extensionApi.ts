import type { CloudServicesFactory } from './cloud/types';
import type { Trees } from './commands/commandContext';
import type { Prompter } from './commands/prompter';
import type { CredentialTreeProvider } from './views/instanceCredential/credentialTreeProvider';
import type { InstanceCredentialModel } from './views/instanceCredential/instanceCredentialModel';
import type { CloudSession } from './session/cloudSession';

/**
 * What activate() returns. The extension-host tests drive the real extension through it: they read
 * the session and trees and answer prompts with a script. Nothing here exposes a secret.
 */
export interface ExtensionApi {
  readonly session: CloudSession;
  readonly factory: CloudServicesFactory;
  readonly trees: Trees;
  /** This machine's instance credential (probe result, snapshot, refresh). */
  readonly instance: InstanceCredentialModel;
  /** The Instance Credential view's data (its rows, as the view shows them). */
  readonly instanceTree: CredentialTreeProvider;
  /** Answer every prompt with `prompter` (undefined: back to the real UI). */
  usePrompter(prompter: Prompter | undefined): void;
}
