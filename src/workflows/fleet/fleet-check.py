#!/usr/bin/env python3
# KMS access check that Cloud Assistant runs ON an ECS instance ("Check KMS Access on Instances").
# Standard library only (python3 >= 3.6, as on stock Linux images). It reads the instance RAM role's
# temporary credential from the metadata service (IMDSv2 token first), signs one KMS Encrypt and one
# Decrypt with it (RPC signature v1, HMAC-SHA1) against the VPC endpoint, then the public one if the
# VPC endpoint cannot be reached, and prints ONE line of JSON. It never prints the AccessKeySecret,
# the SecurityToken, the metadata token, the plaintext, or a service error message (KMS echoes the
# string-to-sign, SecurityToken included, in SignatureDoesNotMatch messages): only codes and RequestIds.
# Environment overrides (tests point them at an emulator): KMS_CHECK_METADATA_URL,
# KMS_CHECK_VPC_ENDPOINT, KMS_CHECK_PUBLIC_ENDPOINT (full URLs).
import base64, hashlib, hmac, json, os, socket, sys, time, uuid
import urllib.error, urllib.parse, urllib.request

METADATA = 'http://100.100.100.200'
CREDENTIALS = '/latest/meta-data/ram/security-credentials/'
TIMEOUT = 5


def percent(value):
    # RFC 3986 encoding the RPC signature requires: only A-Z a-z 0-9 - _ . ~ stay as they are.
    return urllib.parse.quote(str(value), safe='-_.~')


def sign(method, params, secret):
    canonical = '&'.join(percent(k) + '=' + percent(params[k]) for k in sorted(params))
    string_to_sign = method + '&' + percent('/') + '&' + percent(canonical)
    digest = hmac.new((secret + '&').encode(), string_to_sign.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def signed_query(action, extra, cred, nonce=None, timestamp=None):
    """The query of a KMS call as the official RPC client (@alicloud/kms20160120) sends it: every
    parameter in the query of a POST with an empty body, signed with signature v1."""
    query = {
        'Action': action, 'Version': '2016-01-20', 'Format': 'json', 'AccessKeyId': cred['AccessKeyId'],
        'SignatureMethod': 'HMAC-SHA1', 'SignatureVersion': '1.0', 'SignatureNonce': nonce or uuid.uuid4().hex,
        'Timestamp': timestamp or time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime()),
        'SecurityToken': cred['SecurityToken'],
    }
    query.update(extra)
    query['Signature'] = sign('POST', query, cred['AccessKeySecret'])
    return query


def http(method, url, headers=None, body=None):
    """(status, text, ms); status 0 with the error's name when no HTTP answer came."""
    start = time.time()
    request = urllib.request.Request(url, data=body, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status, response.read().decode('utf-8', 'replace'), ms(start)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode('utf-8', 'replace'), ms(start)
    except Exception as e:  # noqa: BLE001 - the error's class is the finding (timeout, refused, DNS)
        reason = getattr(e, 'reason', e)
        return 0, type(reason).__name__ + ': ' + str(reason)[:120], ms(start)


def ms(start):
    return int((time.time() - start) * 1000)


def read_metadata(base, out):
    status, token, _ = http('PUT', base + '/latest/api/token', {'X-aliyun-ecs-metadata-token-ttl-seconds': '300'})
    out['metadata'] = {'token': status}
    headers = {'X-aliyun-ecs-metadata-token': token} if status == 200 else {}
    status, role, _ = http('GET', base + CREDENTIALS, headers)
    out['metadata']['role'] = status
    if status != 200 or not role.strip():
        return None, headers
    out['role'] = role.strip().splitlines()[0]
    status, body, _ = http('GET', base + CREDENTIALS + urllib.parse.quote(out['role']), headers)
    out['metadata']['credential'] = status
    if status != 200:
        return None, headers
    cred = json.loads(body)
    out['expiration'] = cred.get('Expiration', '')
    return cred, headers


def probe(url):
    """DNS and TCP results for an endpoint URL."""
    parts = urllib.parse.urlsplit(url)
    port = parts.port or (443 if parts.scheme == 'https' else 80)
    result = {'endpoint': url, 'dns': {}, 'tcp': {}}
    start = time.time()
    try:
        address = socket.getaddrinfo(parts.hostname, port, 0, socket.SOCK_STREAM)[0][4][0]
        result['dns'] = {'ok': True, 'ms': ms(start), 'address': address}
    except Exception as e:  # noqa: BLE001
        result['dns'] = {'ok': False, 'ms': ms(start), 'error': type(e).__name__}
        return result
    start = time.time()
    try:
        socket.create_connection((address, port), timeout=TIMEOUT).close()
        result['tcp'] = {'ok': True, 'ms': ms(start)}
    except Exception as e:  # noqa: BLE001
        result['tcp'] = {'ok': False, 'ms': ms(start), 'error': type(e).__name__}
    return result


def kms_call(url, action, extra, cred):
    target = url.rstrip('/') + '/?' + urllib.parse.urlencode(signed_query(action, extra, cred), quote_via=urllib.parse.quote)
    status, text, took = http('POST', target, {'x-acs-action': action, 'x-acs-version': '2016-01-20'}, b'')
    call = {'action': action, 'status': status, 'ms': took}
    try:
        answer = json.loads(text) if status else {}
    except ValueError:
        answer = {}
    call['requestId'] = answer.get('RequestId', '')
    if status != 200:
        call['code'] = answer.get('Code') or ('HttpStatus' + str(status) if status else text.split(':')[0])
    return call, answer


def check(args, env, out):
    base = (args.get('metadata') or env.get('KMS_CHECK_METADATA_URL') or METADATA).rstrip('/')
    cred, headers = read_metadata(base, out)
    if cred is None:
        out['code'] = 'Metadata.NoRole' if out['metadata'].get('role') == 404 else 'Metadata.Unavailable'
        return
    region = args.get('region')
    if not region:
        status, region, _ = http('GET', base + '/latest/meta-data/region-id', headers)
        region = region.strip() if status == 200 else 'cn-hangzhou'
    out['region'] = region
    endpoints = [args.get('vpc') or env.get('KMS_CHECK_VPC_ENDPOINT') or 'https://kms-vpc.' + region + '.aliyuncs.com',
                 args.get('public') or env.get('KMS_CHECK_PUBLIC_ENDPOINT') or 'https://kms.' + region + '.aliyuncs.com']
    out['network'], out['calls'] = [], []
    plaintext = base64.b64encode(os.urandom(24)).decode()  # Base64, as Encrypt.Plaintext is documented
    for url in endpoints:
        reach = probe(url)
        out['network'].append(reach)
        if not reach['tcp'].get('ok'):
            continue
        call, answer = kms_call(url, 'Encrypt', {'KeyId': args['key'], 'Plaintext': plaintext}, cred)
        out['calls'].append(call)
        if call['status'] == 0:
            continue  # no HTTP answer: try the next endpoint
        out['endpoint'] = url
        if call['status'] == 200:
            call, answer = kms_call(url, 'Decrypt', {'CiphertextBlob': answer.get('CiphertextBlob', '')}, cred)
            out['calls'].append(call)
            if call['status'] == 200 and answer.get('Plaintext') != plaintext:
                call['code'] = 'RoundTripMismatch'
        if args.get('secret') and 'code' not in call:
            call, _ = kms_call(url, 'GetSecretValue', {'SecretName': args['secret']}, cred)
            out['calls'].append(call)
        break
    failed = [c for c in out['calls'] if 'code' in c]
    if 'endpoint' not in out:
        out['code'] = 'EndpointUnreachable'
    elif failed:
        out['code'] = failed[-1]['code']
        out['action'] = failed[-1]['action']
    else:
        out['ok'] = True


def parse_args(argv):
    names = {'--key-id': 'key', '--secret-name': 'secret', '--region': 'region', '--metadata': 'metadata',
             '--vpc-endpoint': 'vpc', '--public-endpoint': 'public'}
    args = {}
    for i in range(0, len(argv) - 1, 2):
        if argv[i] in names:
            args[names[argv[i]]] = argv[i + 1]
    return args


def main(argv):
    if argv[:1] == ['--query-stdin']:
        # For the signer's tests: {"action", "extra", "cred", "nonce", "timestamp"} on stdin, the signed query on stdout.
        r = json.load(sys.stdin)
        print(json.dumps(signed_query(r['action'], r['extra'], r['cred'], r['nonce'], r['timestamp'])))
        return 0
    args = parse_args(argv)
    out = {'v': 1, 'ok': False, 'key': args.get('key', '')}
    if not args.get('key'):
        out['code'] = 'Usage'
    else:
        try:
            check(args, os.environ, out)
        except Exception as e:  # noqa: BLE001 - one JSON line whatever happens, never a traceback
            out['code'] = 'ScriptError'
            out['error'] = type(e).__name__
    print(json.dumps(out, separators=(',', ':'), sort_keys=True))
    return 0 if out['ok'] else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
