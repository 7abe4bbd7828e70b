// Create Instance with Role's cloud calls against the emulator with the real ECS SDK: DescribeImages with
// the image step's filters (one call), and RunInstances with a public bandwidth, whose instance is read
// back with the SDK itself (not the extension's mapping) and has a public IP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type EcsClient from '@alicloud/ecs20140526';
import * as Ecs from '@alicloud/ecs20140526';
import { startHarness, type Harness } from './cloud-harness';
import { clients, codeOf } from '../emulator/sdkClients';
import { collect } from '../../src/cloud/paging';
import { isCloudError, type CloudServices } from '../../src/cloud/types';

let h: Harness;
let s: CloudServices;
let sdk: EcsClient;

before(async () => {
  h = await startHarness();
  s = await h.admin('cn-hangzhou');
  sdk = clients(h.emulator.api, h.emulator).ecs;
});
after(() => h.close());

const IMAGE_STEP = { imageOwnerAlias: 'system', osType: 'linux', status: 'Available' } as const;

test('listImages: the image step\'s filters in ONE DescribeImages call; only public Linux images the instance type runs', async () => {
  h.emulator.resetCalls();
  const x86 = await s.ecs.listImages('cn-hangzhou', { ...IMAGE_STEP, instanceType: 'ecs.g7.large' }, { limit: 200 });
  assert.equal(h.emulator.calls.byAction.DescribeImages, 1);
  const alinux = x86.find((i) => i.imageId === 'aliyun_3_x64_20G_alibase_20240819.vhd');
  assert.deepEqual(alinux && { ...alinux, creationTime: undefined }, {
    imageId: 'aliyun_3_x64_20G_alibase_20240819.vhd', imageName: 'aliyun_3_x64_20G_alibase_20240819.vhd', imageFamily: 'acs:alibaba_cloud_linux_3_2104_lts_x64',
    osName: 'Alibaba Cloud Linux 3.2104 LTS 64 bit', osType: 'linux', platform: 'Aliyun', architecture: 'x86_64', size: 20, imageOwnerAlias: 'system',
    creationTime: undefined, status: 'Available',
  });
  assert.ok(x86.some((i) => i.imageId.startsWith('ubuntu_22_04_x64')));
  assert.ok(x86.every((i) => i.architecture === 'x86_64' && i.osType === 'linux' && i.status === 'Available'), 'no arm64, Windows or deprecated image');

  const arm = await s.ecs.listImages('cn-hangzhou', { ...IMAGE_STEP, instanceType: 'ecs.g8y.large' });
  assert.ok(arm.length >= 2 && arm.every((i) => i.architecture === 'arm64'), JSON.stringify(arm.map((i) => i.imageId)));
});

test('DescribeImages with the SDK: pages of PageSize, bad values refused with the documented codes (and our CloudError keeps them)', async () => {
  const all = (await sdk.describeImages(new Ecs.DescribeImagesRequest({ regionId: 'cn-hangzhou', status: 'ALL', pageSize: 100 }))).body!;
  const page2 = (await sdk.describeImages(new Ecs.DescribeImagesRequest({ regionId: 'cn-hangzhou', status: 'ALL', pageSize: 3, pageNumber: 2 }))).body!;
  assert.equal(page2.totalCount, all.totalCount);
  assert.deepEqual(page2.images?.image?.map((i) => i.imageId), all.images?.image?.slice(3, 6).map((i) => i.imageId));
  assert.ok(all.images?.image?.some((i) => i.status === 'Deprecated') && all.images.image.some((i) => i.OSType === 'windows'));

  const refused = async (request: object) => {
    try {
      await sdk.describeImages(new Ecs.DescribeImagesRequest({ regionId: 'cn-hangzhou', ...request }));
    } catch (e) {
      return codeOf(e);
    }
    return 'accepted';
  };
  assert.equal(await refused({ pageSize: 101 }), 'InvalidParameter');
  assert.equal(await refused({ OSType: 'beos' }), 'InvalidOSType');
  assert.equal(await refused({ architecture: 'sparc' }), 'InvalidArchitecture');
  assert.equal(await refused({ imageOwnerAlias: 'nobody' }), 'InvalidImageOwnerAlias.ValueNotSupported');
  await assert.rejects(s.ecs.listImages('cn-hangzhou', { instanceType: 'g7' }),
    (e: unknown) => isCloudError(e) && e.code === 'InvalidInstanceType.ValueNotSupported' && Boolean(e.requestId));
});

test('runInstances with a bandwidth: dry run and real call send it; the instance read back with the SDK has a public IP; without one, none', async () => {
  const base = {
    regionId: 'cn-beijing', instanceType: 'ecs.g7.large', imageId: 'ubuntu_22_04_x64_20G_alibase_20240710.vhd',
    vSwitchId: 'vsw-2zedemo01', securityGroupId: 'sg-2zedemo01', ramRoleName: 'EcsKmsAccessRole',
  };
  const dry = await s.ecs.runInstances({ ...base, instanceName: 'with-ip', internetMaxBandwidthOut: 10, internetChargeType: 'PayByTraffic', dryRun: true });
  assert.equal(dry.wouldSucceed, true);
  const withIp = await s.ecs.runInstances({ ...base, instanceName: 'with-ip', internetMaxBandwidthOut: 10, internetChargeType: 'PayByTraffic' });
  const withoutIp = await s.ecs.runInstances({ ...base, instanceName: 'without-ip' });

  const read = async (id: string) => (await sdk.describeInstances(new Ecs.DescribeInstancesRequest({ regionId: 'cn-beijing', instanceIds: JSON.stringify([id]) }))).body!.instances!.instance![0];
  const a = await read(withIp.instanceIds[0]);
  assert.match(a.publicIpAddress?.ipAddress?.[0] ?? '', /^\d+\.\d+\.\d+\.\d+$/);
  assert.deepEqual([a.internetMaxBandwidthOut, a.internetChargeType, a.OSName], [10, 'PayByTraffic', 'Ubuntu  22.04 64位']);
  const b = await read(withoutIp.instanceIds[0]);
  assert.deepEqual([b.publicIpAddress?.ipAddress, b.internetMaxBandwidthOut], [[], 0]);

  const listed = await collect(s.ecs.listInstances('cn-beijing', { filter: { instanceIds: withIp.instanceIds } }));
  assert.equal(listed[0].publicIpAddress, a.publicIpAddress?.ipAddress?.[0], 'the extension shows the same address');
});

test('runInstances refusals: bandwidth out of 0–100, an arm64 image on an x86 type, an unknown image (documented codes, with RequestId)', async () => {
  const base = { regionId: 'cn-hangzhou', instanceType: 'ecs.g7.large', imageId: 'aliyun_3_x64_20G_alibase_20240819.vhd', vSwitchId: 'vsw-bp1demo01', securityGroupId: 'sg-bp1demo01' };
  const code = async (extra: object) => {
    try {
      await s.ecs.runInstances({ ...base, ...extra, dryRun: true });
    } catch (e) {
      assert.ok(isCloudError(e) && e.requestId, String(e));
      return e.code;
    }
    return 'accepted';
  };
  assert.equal(await code({ internetMaxBandwidthOut: 101 }), 'InvalidInternetMaxBandwidthOut.Malformed');
  assert.equal(await code({ internetMaxBandwidthOut: 100, internetChargeType: 'PayByTraffic' }), 'accepted');
  assert.equal(await code({ imageId: 'aliyun_3_arm64_20G_alibase_20240819.vhd' }), 'ImageNotSupportInstanceType');
  assert.equal(await code({ imageId: 'm-bp1nosuchimage0001' }), 'InvalidImageId.NotFound', 'an id typed by hand that does not exist fails the dry run');
  assert.equal(await code({ imageId: 'aliyun_3_arm64_20G_alibase_20240819.vhd', instanceType: 'ecs.g8y.large' }), 'accepted');
});
