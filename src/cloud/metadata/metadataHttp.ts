// Minimal HTTP for the metadata service: plain node:http with a hard deadline per request,
// so "not on ECS" is answered fast (connection refused at once, or the deadline).
import * as http from 'node:http';
import { CloudError } from '../cloudError';

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
  const url = new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
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
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => finish(() => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') })));
      response.on('error', (error) => finish(() => reject(networkFailure(url, error))));
    });
    const timer = setTimeout(() => {
      finish(() => reject(new CloudError({ code: 'Metadata.Timeout', message: `No answer from the metadata service at ${url.origin} within ${timeoutMs} ms.`, hint: 'This machine is probably not an ECS instance, or the metadata service is blocked.' })));
      request.destroy();
    }, timeoutMs);
    request.on('error', (error) => finish(() => reject(networkFailure(url, error))));
    request.end();
  });
}

function networkFailure(url: URL, error: Error & { code?: string }): CloudError {
  return new CloudError({
    code: 'Metadata.Unreachable',
    message: `Cannot reach the metadata service at ${url.origin}: ${error.code ?? error.message}.`,
    hint: 'This machine is not an ECS instance, or alicloudKms.metadataEndpoint points to the wrong address.',
  });
}
