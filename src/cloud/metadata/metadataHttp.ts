// Minimal HTTP for the metadata service: plain node:http with a hard deadline per request,
// so "not on ECS" is answered fast (connection refused at once, or the deadline), and a size cap, so
// whatever answers at the metadata address cannot make the extension host buffer an endless body.
import * as http from 'node:http';
import { CloudError } from '../cloudError';

/**
 * A credential answer is under 4 KB (the STS token is the largest field), the other items a few bytes.
 * Four times that leaves room for a longer token; anything bigger is not the metadata service.
 */
export const MAX_METADATA_BODY_BYTES = 16 * 1024;
const SETTING = 'alicloudKms.metadataEndpoint';

export interface MetadataResponse {
  readonly status: number;
  readonly body: string;
}

export function metadataRequest(
  baseUrl: string,
  method: 'GET' | 'PUT',
  path: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<MetadataResponse> {
  let url: URL;
  try {
    url = metadataUrl(baseUrl, path);
  } catch (error) {
    return Promise.reject(error);
  }
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        fn();
      }
    };
    const request = http.request(url, { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const tooLarge = () => finish(() => {
        reject(new CloudError({
          code: 'Metadata.ResponseTooLarge',
          message: `The answer at ${url.origin}${url.pathname} is larger than ${MAX_METADATA_BODY_BYTES} bytes; a metadata answer is a few KB at most.`,
        }));
        request.destroy();
      });
      if (Number(response.headers['content-length']) > MAX_METADATA_BODY_BYTES) return tooLarge();
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_METADATA_BODY_BYTES) tooLarge();
        else chunks.push(chunk);
      });
      response.on('end', () => finish(() => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') })));
      response.on('error', (error) => finish(() => reject(networkFailure(url, error))));
    });
    const timer = setTimeout(() => {
      finish(() => reject(new CloudError({ code: 'Metadata.Timeout', message: `No answer from the metadata service at ${url.origin} within ${timeoutMs} ms.` })));
      request.destroy();
    }, timeoutMs);
    request.on('error', (error) => finish(() => reject(networkFailure(url, error))));
    request.end();
  });
}

/** The request URL; an address that is not a plain `http://` URL is a CloudError naming the setting. */
function metadataUrl(baseUrl: string, path: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  } catch {
    url = undefined;
  }
  // The ECS metadata service speaks plain HTTP on a link-local address; https or another scheme cannot reach it.
  if (url?.protocol !== 'http:') {
    throw new CloudError({
      code: 'Metadata.InvalidEndpoint',
      message: `${SETTING} must be an http:// address (e.g. http://100.100.100.200), not "${baseUrl}".`,
    });
  }
  return url;
}

function networkFailure(url: URL, error: Error & { code?: string }): CloudError {
  return new CloudError({
    code: 'Metadata.Unreachable',
    message: `Cannot reach the metadata service at ${url.origin}: ${error.code ?? error.message}.`,
  });
}
