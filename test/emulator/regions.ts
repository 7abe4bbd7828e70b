// Alibaba Cloud's public regions (ECS DescribeRegions) with their local names and a zone suffix list.
export interface RegionInfo { id: string; localName: string; zones: string[] }

const r = (id: string, localName: string, zones = 'ab'): RegionInfo => ({ id, localName, zones: [...zones].map((z) => `${id}-${z}`) });

export const REGIONS: readonly RegionInfo[] = [
  r('cn-qingdao', '华北1（青岛）', 'bc'), r('cn-beijing', '华北2（北京）', 'hijkl'), r('cn-zhangjiakou', '华北3（张家口）', 'abc'),
  r('cn-huhehaote', '华北5（呼和浩特）'), r('cn-wulanchabu', '华北6（乌兰察布）', 'abc'), r('cn-hangzhou', '华东1（杭州）', 'hijk'),
  r('cn-shanghai', '华东2（上海）', 'efgl'), r('cn-nanjing', '华东5（南京-本地地域）', 'a'), r('cn-fuzhou', '华东6（福州-本地地域）', 'a'),
  r('cn-shenzhen', '华南1（深圳）', 'def'), r('cn-heyuan', '华南2（河源）'), r('cn-guangzhou', '华南3（广州）'),
  r('cn-chengdu', '西南1（成都）'), r('cn-wuhan-lr', '华中1（武汉-本地地域）', 'a'), r('cn-hongkong', '中国香港', 'bcd'),
  r('ap-northeast-1', '日本（东京）', 'abc'), r('ap-northeast-2', '韩国（首尔）', 'a'), r('ap-southeast-1', '新加坡', 'abc'),
  r('ap-southeast-3', '马来西亚（吉隆坡）'), r('ap-southeast-5', '印度尼西亚（雅加达）', 'abc'), r('ap-southeast-6', '菲律宾（马尼拉）', 'a'),
  r('ap-southeast-7', '泰国（曼谷）', 'a'), r('us-east-1', '美国（弗吉尼亚）'), r('us-west-1', '美国（硅谷）'),
  r('eu-west-1', '英国（伦敦）'), r('eu-central-1', '德国（法兰克福）', 'abc'), r('me-east-1', '阿联酋（迪拜）', 'a'),
  r('me-central-1', '沙特（利雅得）', 'a'), r('na-south-1', '墨西哥', 'a'),
];

export const regionIds = new Set(REGIONS.map((x) => x.id));
