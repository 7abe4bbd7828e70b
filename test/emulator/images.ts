// The public (ImageOwnerAlias "system") images every region offers, as DescribeImages answers them: ids,
// families and OS names in the form ECS uses (Alibaba Cloud Linux 3 x86_64 and arm64, Ubuntu 22.04,
// Debian 12, Windows Server 2022, and a deprecated Alibaba Cloud Linux 2). Like the real catalogue, the
// same ids exist in every region. And which architecture an instance type runs (the arm64 families).
export interface SystemImage {
  id: string; family: string; osName: string; osNameEn: string; osType: 'linux' | 'windows'; platform: string;
  architecture: 'x86_64' | 'arm64'; size: number; status: 'Available' | 'Deprecated'; creationTime: string; version: string;
}

const linux = (id: string, family: string, osName: string, osNameEn: string, platform: string, architecture: SystemImage['architecture'], creationTime: string, status: SystemImage['status'] = 'Available'): SystemImage => ({
  id, family, osName, osNameEn, osType: 'linux', platform, architecture, size: 20, status, creationTime, version: id.replace(/^.*_(\d{8})\.vhd$/, '$1'),
});

export const SYSTEM_IMAGES: readonly SystemImage[] = [
  linux('aliyun_3_x64_20G_alibase_20240819.vhd', 'acs:alibaba_cloud_linux_3_2104_lts_x64', 'Alibaba Cloud Linux 3.2104 LTS 64位',
    'Alibaba Cloud Linux 3.2104 LTS 64 bit', 'Aliyun', 'x86_64', '2024-08-20T03:13:55Z'),
  linux('aliyun_3_arm64_20G_alibase_20240819.vhd', 'acs:alibaba_cloud_linux_3_2104_lts_arm64', 'Alibaba Cloud Linux 3.2104 LTS 64位 ARM版',
    'Alibaba Cloud Linux 3.2104 LTS 64 bit ARM Edition', 'Aliyun', 'arm64', '2024-08-20T03:20:11Z'),
  linux('ubuntu_22_04_x64_20G_alibase_20240710.vhd', 'acs:ubuntu_22_04_x64', 'Ubuntu  22.04 64位', 'Ubuntu  22.04 64 bit', 'Ubuntu', 'x86_64', '2024-07-11T02:40:18Z'),
  linux('ubuntu_22_04_arm64_20G_alibase_20240710.vhd', 'acs:ubuntu_22_04_arm64', 'Ubuntu  22.04 64位 ARM版', 'Ubuntu  22.04 64 bit ARM Edition', 'Ubuntu', 'arm64', '2024-07-11T02:52:43Z'),
  linux('debian_12_6_x64_20G_alibase_20240715.vhd', 'acs:debian_12_x64', 'Debian  12.6 64位', 'Debian  12.6 64 bit', 'Debian', 'x86_64', '2024-07-16T06:05:27Z'),
  linux('aliyun_2_1903_x64_20G_alibase_20240628.vhd', 'acs:alibaba_cloud_linux_2_1903_lts_x64', 'Alibaba Cloud Linux 2.1903 LTS 64位',
    'Alibaba Cloud Linux 2.1903 LTS 64 bit', 'Aliyun', 'x86_64', '2024-06-29T01:30:02Z', 'Deprecated'),
  {
    id: 'win2022_21H2_x64_dtc_en-us_40G_alibase_20240815.vhd', family: 'acs:windows_server_2022_datacenter_en-us', osName: 'Windows Server  2022 数据中心版 64位英文版',
    osNameEn: 'Windows Server  2022 Data Center Edition 64bit English Edition', osType: 'windows', platform: 'Windows Server 2022', architecture: 'x86_64',
    size: 40, status: 'Available', creationTime: '2024-08-16T08:12:37Z', version: '20240815',
  },
];

export const systemImage = (id: string): SystemImage | undefined => SYSTEM_IMAGES.find((i) => i.id === id);

/** `ecs.<family>.<size>`, e.g. ecs.g7.large, ecs.t6-c1m1.large; undefined for anything else. */
export function instanceTypeFamily(instanceType: string): string | undefined {
  return /^ecs\.([a-z0-9-]+)\.[a-z0-9]+$/.exec(instanceType)?.[1];
}

/** Yitian (g8y, c8y, r8y) and Ampere (g6r, c6r) families are arm64; the others x86_64. */
export function instanceTypeArchitecture(instanceType: string): SystemImage['architecture'] {
  return /^[a-z]+\d+[yr]$/.test(instanceTypeFamily(instanceType) ?? '') ? 'arm64' : 'x86_64';
}
