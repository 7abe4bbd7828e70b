// Twenty more of Alibaba Cloud's system policies, so the realistic account can have 30 system
// policies in use: product full/read-only access and service-linked role policies. Their
// documents are abridged to one statement with the published actions' prefixes (enough for the
// extension's analysis: none of them grants KMS cryptographic actions except where named).
const doc = (Action: string[]): string => JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action, Resource: '*' }] });

export const MORE_SYSTEM_POLICIES: Record<string, [string, string]> = {
  AliyunOSSFullAccess: ['Provides full access to Object Storage Service(OSS).', doc(['oss:*'])],
  AliyunOSSReadOnlyAccess: ['Provides read-only access to Object Storage Service(OSS).', doc(['oss:Get*', 'oss:List*'])],
  AliyunECSReadOnlyAccess: ['Provides read-only access to Elastic Compute Service(ECS).', doc(['ecs:Describe*', 'ecs:List*'])],
  AliyunVPCFullAccess: ['Provides full access to Virtual Private Cloud(VPC).', doc(['vpc:*'])],
  AliyunVPCReadOnlyAccess: ['Provides read-only access to Virtual Private Cloud(VPC).', doc(['vpc:Describe*', 'vpc:Get*', 'vpc:List*'])],
  AliyunSLBFullAccess: ['Provides full access to Server Load Balancer(SLB).', doc(['slb:*'])],
  AliyunRDSFullAccess: ['Provides full access to ApsaraDB for RDS.', doc(['rds:*'])],
  AliyunRDSReadOnlyAccess: ['Provides read-only access to ApsaraDB for RDS.', doc(['rds:Describe*'])],
  AliyunLogFullAccess: ['Provides full access to Log Service(Log).', doc(['log:*'])],
  AliyunCloudMonitorFullAccess: ['Provides full access to CloudMonitor.', doc(['cms:*'])],
  AliyunFCFullAccess: ['Provides full access to Function Compute(FC).', doc(['fc:*'])],
  AliyunCSFullAccess: ['Provides full access to Container Service for Kubernetes(ACK).', doc(['cs:*'])],
  AliyunMNSFullAccess: ['Provides full access to Message Service(MNS).', doc(['mns:*'])],
  AliyunKMSReadOnlyAccess: ['Provides read-only access to Key Management Service(KMS).', doc(['kms:Describe*', 'kms:List*'])],
  AliyunActionTrailFullAccess: ['Provides full access to ActionTrail.', doc(['actiontrail:*'])],
  AliyunServiceRolePolicyForECS: ['Policy of the service-linked role of ECS.', doc(['ecs:Describe*', 'vpc:DescribeVSwitches'])],
  AliyunServiceRolePolicyForSLB: ['Policy of the service-linked role of SLB.', doc(['ecs:DescribeInstances', 'vpc:DescribeVpcs'])],
  AliyunServiceRolePolicyForCS: ['Policy of the service-linked role of Container Service.', doc(['ecs:*', 'slb:*', 'vpc:*'])],
  AliyunServiceRolePolicyForLog: ['Policy of the service-linked role of Log Service.', doc(['log:*', 'oss:GetObject'])],
  AliyunServiceRolePolicyForKMS: ['Policy of the service-linked role of KMS.', doc(['kms:Describe*', 'kms:Decrypt'])],
};
