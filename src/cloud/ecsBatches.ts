// The ECS API's id-list limits, owned here (the layer that knows the API) and nowhere else: the service
// splits its calls by them, and the `aliyun` CLI text of a plan (src/workflows) lists the same calls.
// Pure: no SDK, so the workflows can import it.
import { chunk } from '../util/chunk';

/** AttachInstanceRamRole / DetachInstanceRamRole take 1–100 instance ids a call. */
export const INSTANCE_ROLE_BATCH = 100;
/** DescribeInstances takes at most 100 ids in InstanceIds. */
export const DESCRIBE_INSTANCES_IDS = 100;
/** DescribeInstanceRamRole pages by 50 and takes at most 50 ids a call. */
export const ROLE_PAGE = 50;

/** The id lists of the AttachInstanceRamRole / DetachInstanceRamRole calls that change `instanceIds`, in order. */
export function instanceRoleBatches<T>(instanceIds: readonly T[]): T[][] {
  return chunk(instanceIds, INSTANCE_ROLE_BATCH);
}
