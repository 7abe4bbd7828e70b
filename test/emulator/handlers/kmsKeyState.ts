// KMS (2016-01-20) EnableKey: the repair for "the key is disabled" that Diagnose offers. A key
// pending deletion cannot be enabled (it must first be restored with CancelKeyDeletion), so the
// emulator refuses it as the service does; enabling an enabled key is a no-op.
import { ApiError } from '../errors';
import { can, required, type Handler } from './context';
import { keyArn, resolveKey } from './kms';

export const kmsKeyStateHandlers: Record<string, Handler> = {
  EnableKey(ctx) {
    const key = resolveKey(ctx, required(ctx, 'KeyId'));
    can(ctx, 'kms:EnableKey', keyArn(ctx.account, key));
    if (key.state === 'PendingDeletion') throw new ApiError(400, 'InvalidParameter', 'The key is pending deletion: cancel the deletion before enabling it.');
    key.state = 'Enabled';
    return {};
  },
};
