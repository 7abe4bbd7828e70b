// Error normalisation from the shapes the two SDK generations throw (captured from real runs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeError, parseAccessDeniedDetail } from '../../src/cloud/errors';
import { CloudError } from '../../src/cloud/cloudError';

test('openapi-core ClientError: code, status, RequestId, AccessDeniedDetail', () => {
  const thrown = Object.assign(new Error('code: 403, You are not authorized to do this action. request id: 5A1C-77'), {
    name: 'ClientError',
    code: 'NoPermission',
    statusCode: 403,
    requestId: '5A1C-77',
    data: { Code: 'NoPermission', Message: 'You are not authorized to do this action.', RequestId: '5A1C-77', Recommend: 'https://api.aliyun.com/troubleshoot?q=NoPermission' },
    accessDeniedDetail: { AuthAction: 'ram:CreateRole', PolicyType: 'AccountLevelIdentityBasedPolicy', NoPermissionType: 'ImplicitDeny', EncodedDiagnosticMessage: Buffer.from(JSON.stringify({ AuthResource: 'acs:ram:*:123:role/x' })).toString('base64') },
  });
  const e = normalizeError(thrown, 'CreateRole');
  assert.ok(e instanceof CloudError);
  assert.equal(e.code, 'NoPermission');
  assert.equal(e.httpStatus, 403);
  assert.equal(e.requestId, '5A1C-77');
  assert.equal(e.message, 'You are not authorized to do this action.');
  assert.deepEqual(e.accessDenied, { action: 'ram:CreateRole', resource: 'acs:ram:*:123:role/x', principal: undefined, policyType: 'ImplicitDeny' });
  assert.equal(e.hint, 'The caller lacks the permission ram:CreateRole on acs:ram:*:123:role/x. Grant it with a RAM policy.');
  assert.equal(e.retryable, false);
});

test('KMS rpc-client ResponseError: "<Code>Error" and the status inside the message', () => {
  const thrown = Object.assign(new Error('ThrottlingError: code: 400, Request was denied due to user flow control. requestid: 9F-1'), {
    name: 'ResponseError',
    code: 'Throttling.UserError',
    data: { Code: 'Throttling.User', Message: 'Request was denied due to user flow control.', RequestId: '9F-1' },
  });
  const e = normalizeError(thrown, 'Encrypt');
  assert.equal(e.code, 'Throttling.User');
  assert.equal(e.httpStatus, 400);
  assert.equal(e.requestId, '9F-1');
  assert.equal(e.retryable, true);
  const noBodyCode = normalizeError(Object.assign(new Error('x'), { code: 'Forbidden.KeyNotFoundError', data: { Message: 'The specified Key is not found.' } }));
  assert.equal(noBodyCode.code, 'Forbidden.KeyNotFound', 'the suffix the rpc-client appends is removed');
  assert.match(noBodyCode.hint ?? '', /not found/);
  const server = normalizeError(Object.assign(new Error('ServiceUnavailableError: code: 503, temporary failure requestid: R'), { code: 'ServiceUnavailableError', data: { Code: 'ServiceUnavailable', Message: 'temporary failure' } }));
  assert.equal(server.httpStatus, 503);
  assert.equal(server.retryable, true);
});

test('network failures and timeouts', () => {
  const refused = normalizeError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }));
  assert.equal(refused.code, 'ECONNREFUSED');
  assert.equal(refused.retryable, false);
  const dns = normalizeError(Object.assign(new Error('getaddrinfo ENOTFOUND kms-vpc.cn-hangzhou.aliyuncs.com'), { code: 'ENOTFOUND', hostname: 'kms-vpc.cn-hangzhou.aliyuncs.com' }));
  assert.equal(dns.message, 'ENOTFOUND kms-vpc.cn-hangzhou.aliyuncs.com');
  assert.match(dns.hint ?? '', /VPC KMS endpoint resolves only inside a VPC/);
  const reset = normalizeError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
  assert.equal(reset.retryable, true);
  // httpx appends the request to the error's message with no separator ("socket hang upPOST http://…"):
  // the two parts are told apart, and the signed query string is gone.
  const httpx = normalizeError(Object.assign(new Error('socket hang upPOST http://127.0.0.1:8080/?Action=GetRole&SecurityToken=tok&Signature=sig failed.'), { code: 'ECONNRESET' }));
  assert.equal(httpx.message, 'socket hang up (POST http://127.0.0.1:8080/ failed)');
  const timeout = normalizeError(Object.assign(new Error('ReadTimeout(20000). '), { name: 'RequestTimeoutError' }));
  assert.equal(timeout.code, 'RequestTimeout');
  assert.equal(timeout.retryable, true);
});

test('hints for the common codes', () => {
  const hint = (code: string, message = '') => normalizeError(Object.assign(new Error(message), { code, data: { Code: code, Message: message } })).hint ?? '';
  assert.match(hint('InvalidAccessKeyId.NotFound'), /AccessKey ID is unknown/);
  assert.match(hint('SignatureDoesNotMatch'), /secret does not match/);
  assert.match(hint('InvalidTimeStamp.Expired'), /clock/);
  assert.match(hint('InvalidSecurityToken.Expired'), /expired/);
  assert.match(hint('EntityAlreadyExists.Role'), /already exists/);
  assert.match(hint('EntityNotExist.Role'), /does not exist/);
  assert.match(hint('InvalidInstanceId.NotFound'), /No such instance/);
  assert.match(hint('Forbidden.KeyNotEnabled', 'state is PendingDeletion'), /pending deletion/);
  assert.match(hint('Forbidden.KeyNotEnabled', 'state is Disabled'), /disabled/);
  assert.match(hint('Forbidden.RAM'), /not allowed/);
  assert.equal(hint('SomethingElse'), '');
});

test('AccessDeniedDetail as a JSON string and missing pieces', () => {
  assert.deepEqual(parseAccessDeniedDetail('{"AuthAction":"kms:Decrypt","AuthResource":"acs:kms:cn-hangzhou:1:key/k"}'), {
    action: 'kms:Decrypt', resource: 'acs:kms:cn-hangzhou:1:key/k', principal: undefined, policyType: undefined,
  });
  assert.equal(parseAccessDeniedDetail('not json'), undefined);
  assert.equal(parseAccessDeniedDetail({ PolicyType: 'x' }), undefined);
});

test('a CloudError passes through unchanged; anything else becomes UnknownError', () => {
  const original = new CloudError({ code: 'X', message: 'y' });
  assert.equal(normalizeError(original), original);
  assert.equal(normalizeError('boom').code, 'UnknownError');
  assert.equal(normalizeError('boom').message, 'boom');
});
