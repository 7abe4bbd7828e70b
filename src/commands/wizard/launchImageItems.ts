// The image step's list: DescribeImages' answer as quick-pick items, Alibaba Cloud Linux 3 first (the
// image ECS recommends and the role snippets are tested on), then by OS name, newest first; and a last
// item to type an image id (custom, shared or Marketplace images are not in the list). No vscode.
import type * as vscode from 'vscode';
import type { EcsImage } from '../../cloud/types';
import { SEPARATOR } from '../prompter';
import type { L10n } from './wizard';

export type ImageItem = vscode.QuickPickItem & { readonly image?: EcsImage };

/** Public Alibaba Cloud Linux 3 images: family `acs:alibaba_cloud_linux_3…`, ids `aliyun_3_…`. */
export function isAlibabaCloudLinux3(image: EcsImage): boolean {
  return /^acs:alibaba_cloud_linux_3/i.test(image.imageFamily ?? '') || /^aliyun_3_/i.test(image.imageId);
}

export function sortImages(images: readonly EcsImage[]): EcsImage[] {
  const name = (i: EcsImage) => i.osName ?? i.imageName ?? i.imageId;
  return [...images].sort((a, b) => Number(isAlibabaCloudLinux3(b)) - Number(isAlibabaCloudLinux3(a))
    || name(a).localeCompare(name(b))
    || (b.creationTime ?? '').localeCompare(a.creationTime ?? ''));
}

export function imageItems(images: readonly EcsImage[], l10n: L10n): ImageItem[] {
  const sorted = sortImages(images);
  const items: ImageItem[] = sorted.map((image, n) => ({
    label: image.osName ?? image.imageName ?? image.imageId,
    description: n === 0 && isAlibabaCloudLinux3(image) ? l10n.t('{0} · recommended', image.imageId) : image.imageId,
    detail: l10n.t('{0} · {1} · system disk from {2} GiB', image.platform ?? image.osType ?? '?', image.architecture ?? '?', image.size ?? '?'),
    image,
  }));
  if (items.length > 0) items.push({ label: '', kind: SEPARATOR });
  items.push({ label: l10n.t('Enter an image id…'), detail: l10n.t('A custom, shared or Marketplace image of this region (not listed here).') });
  return items;
}
