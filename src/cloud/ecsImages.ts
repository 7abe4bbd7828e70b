// DescribeImages: the images of a region, filtered by the service (owner, OS type, architecture, the
// instance type they must run on, status), 100 a page (the API's maximum): with the filters of the
// image step a real region answers in one or two calls.
import type { EcsClient } from './clients';
import { invoke, type InvokeContext } from './invoke';
import { collect, numberedPages } from './paging';
import { loadSdk } from './sdkLoader';
import type { CallOptions, EcsImage, ImageQuery } from './types';

/** DescribeImages' PageSize maximum (api-meta/ecs.json). */
export const IMAGE_PAGE = 100;

interface SdkImage {
  imageId?: string; imageName?: string; imageFamily?: string; OSName?: string; OSNameEn?: string; OSType?: string; platform?: string;
  architecture?: string; size?: number; imageOwnerAlias?: string; creationTime?: string; status?: string;
}

function toImage(i: SdkImage): EcsImage {
  return {
    imageId: i.imageId ?? '', imageName: i.imageName || undefined, imageFamily: i.imageFamily || undefined,
    osName: i.OSNameEn?.trim() || i.OSName?.trim() || undefined, osType: i.OSType || undefined, platform: i.platform || undefined,
    architecture: i.architecture || undefined, size: i.size, imageOwnerAlias: i.imageOwnerAlias || undefined,
    creationTime: i.creationTime || undefined, status: i.status || undefined,
  };
}

export function listImages(
  context: InvokeContext, client: EcsClient, regionId: string, query: ImageQuery, options: CallOptions & { limit?: number },
): Promise<EcsImage[]> {
  const models = loadSdk().ecs;
  return collect(numberedPages(async (pageNumber) => {
    const body = (await invoke(context, 'DescribeImages', () => client.describeImages(new models.DescribeImagesRequest({
      regionId, imageOwnerAlias: query.imageOwnerAlias, OSType: query.osType, architecture: query.architecture,
      instanceType: query.instanceType, status: query.status, imageId: query.imageId, pageNumber, pageSize: IMAGE_PAGE,
    })), options)).body;
    return { items: (body?.images?.image ?? []).map(toImage), totalCount: body?.totalCount, pageSize: IMAGE_PAGE };
  }, options.signal), options.limit);
}
