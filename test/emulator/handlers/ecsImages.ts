// ECS DescribeImages over the public image catalogue (../images.ts): the filters the metadata documents
// (ImageOwnerAlias, Status with its comma list and ALL, OSType, Architecture, InstanceType, ImageId,
// ImageName fuzzy, ImageFamily, Usage), PageNumber/PageSize 1–100, and the documented codes for a bad
// value: InvalidImageOwnerAlias.ValueNotSupported, InvalidOSType, InvalidArchitecture, InvalidUsage,
// InvalidInstanceType.ValueNotSupported.
import { ApiError, invalid } from '../errors';
import { instanceTypeArchitecture, instanceTypeFamily, SYSTEM_IMAGES, type SystemImage } from '../images';
import { region } from './ecs';
import { can, numberPage, type Ctx, type Handler } from './context';

const OWNER_ALIASES = ['system', 'self', 'others', 'marketplace'];
const STATUSES = ['Creating', 'Waiting', 'Available', 'UnAvailable', 'CreateFailed', 'Deprecated'];

/** A value of a documented set, or the documented code (with its status) naming the parameter. */
function oneOf(ctx: Ctx, name: string, values: readonly string[], status: number, code: string): string | undefined {
  const v = ctx.params[name];
  if (v === undefined || v === '') return undefined;
  if (!values.includes(v)) throw new ApiError(status, code, `The specified ${name} "${v}" is not valid: one of ${values.join(', ')}.`);
  return v;
}

function statuses(ctx: Ctx): readonly string[] {
  const raw = ctx.params.Status;
  if (!raw) return ['Available'];
  if (raw === 'ALL') return STATUSES;
  const list = raw.split(',').map((s) => s.trim());
  const bad = list.find((s) => !STATUSES.includes(s));
  if (bad) throw invalid('InvalidParameter', `The specified Status "${bad}" is not valid: ALL, or a comma-separated list of ${STATUSES.join(', ')}.`);
  return list;
}

function imageView(i: SystemImage, inUse: boolean): object {
  return {
    ImageId: i.id, ImageName: i.id, ImageFamily: i.family, ImageVersion: i.version, Description: '', Size: i.size,
    OSType: i.osType, OSName: i.osName, OSNameEn: i.osNameEn, Platform: i.platform, Architecture: i.architecture, BootMode: 'BIOS',
    Status: i.status, Progress: '100%', CreationTime: i.creationTime, ImageOwnerAlias: 'system', IsPublic: true, IsCopied: false,
    IsSelfShared: '', IsSubscribed: false, IsSupportCloudinit: true, IsSupportIoOptimized: true, LoginAsNonRootSupported: i.osType === 'linux',
    Usage: inUse ? 'instance' : 'none', ProductCode: '', ResourceGroupId: '', SupplierName: '',
    DiskDeviceMappings: { DiskDeviceMapping: [{ Type: 'system', Device: '/dev/xvda', Size: String(i.size), SnapshotId: '', Format: '', Progress: '100%', RemainTime: 0, ImportOSSBucket: '', ImportOSSObject: '' }] },
    Tags: { Tag: [] },
    Features: { NvmeSupport: 'supported' },
  };
}

export const ecsImageHandlers: Record<string, Handler> = {
  DescribeImages(ctx) {
    const regionId = region(ctx);
    can(ctx, 'ecs:DescribeImages', `acs:ecs:${regionId}:${ctx.account.accountId}:image/*`);
    const p = ctx.params;
    const owner = oneOf(ctx, 'ImageOwnerAlias', OWNER_ALIASES, 400, 'InvalidImageOwnerAlias.ValueNotSupported');
    const osType = oneOf(ctx, 'OSType', ['linux', 'windows'], 404, 'InvalidOSType');
    const architecture = oneOf(ctx, 'Architecture', ['i386', 'x86_64', 'arm64'], 404, 'InvalidArchitecture');
    const usage = oneOf(ctx, 'Usage', ['instance', 'none'], 404, 'InvalidUsage');
    const wanted = statuses(ctx);
    if (p.InstanceType && !instanceTypeFamily(p.InstanceType)) {
      throw invalid('InvalidInstanceType.ValueNotSupported', `The specified InstanceType "${p.InstanceType}" does not exist.`);
    }
    const typeArch = p.InstanceType ? instanceTypeArchitecture(p.InstanceType) : undefined;
    const ids = p.ImageId ? p.ImageId.split(',').map((s) => s.trim()) : undefined;
    const used = new Set([...ctx.account.instances.values()].filter((i) => i.region === regionId).map((i) => i.imageId));
    // Only public images exist here: an empty alias means system, self and others (the documented default).
    const items = (owner === undefined || owner === 'system' ? SYSTEM_IMAGES : []).filter((i) => wanted.includes(i.status)
      && (!osType || i.osType === osType) && (!architecture || i.architecture === architecture) && (!typeArch || i.architecture === typeArch)
      && (!ids || ids.includes(i.id)) && (!p.ImageName || i.id.toLowerCase().includes(p.ImageName.toLowerCase()))
      && (!p.ImageFamily || i.family === p.ImageFamily) && (!usage || (usage === 'instance') === used.has(i.id)));
    const { page, ...rest } = numberPage(ctx, items, 10, 100);
    return { ...rest, RegionId: regionId, Images: { Image: page.map((i) => imageView(i, used.has(i.id))) } };
  },
};
