// The cloud types the instance checks use, and turning anything a call threw into a CloudError
// (the services already throw CloudError; anything else is wrapped so reports stay uniform).
import { CloudError, isCloudError } from '../cloud/types';

export type { CallOptions, KmsService } from '../cloud/types';
export { CloudError };

export function normalizeCallError(error: unknown, apiAction: string): CloudError {
  if (isCloudError(error)) return error;
  return new CloudError({ code: 'Error', message: error instanceof Error ? error.message : String(error), apiAction });
}
