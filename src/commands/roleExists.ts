import { isCloudError, type CloudServices } from '../cloud/types';

/** GetRole: true when RAM has the role, false on EntityNotExist.Role (names compare case-insensitively in RAM). */
export async function roleExists(services: Pick<CloudServices, 'ram'>, roleName: string): Promise<boolean> {
  try {
    await services.ram.getRole(roleName);
    return true;
  } catch (error) {
    if (isCloudError(error) && error.code === 'EntityNotExist.Role') return false;
    throw error;
  }
}
