// Alibaba Cloud's published API metadata (api-meta/, see its README) and the two checks the
// conformance test makes with it: a response body against the action's response schema, and an
// error code against the codes documented for the action, the product or the gateway.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GATEWAY_CODES } from './gatewayCodes';
import { RAM_CODES } from './ramErrorCodes';

export type Product = 'ecs' | 'kms' | 'ram' | 'sts';

export interface Schema { type?: string; properties?: Record<string, Schema>; items?: Schema }
export interface ActionMeta {
  parameters: { name: string; in: string; type?: string; required?: boolean }[];
  response: Schema;
  errorCodes: Record<string, string[]>;
}
export interface ProductMeta { product: string; version: string; endpoints: { regionId: string; endpoint: string }[]; apis: Record<string, ActionMeta> }

const loaded = new Map<Product, ProductMeta>();

export function productMeta(product: Product): ProductMeta {
  let meta = loaded.get(product);
  if (!meta) {
    meta = JSON.parse(readFileSync(join(__dirname, 'api-meta', `${product}.json`), 'utf8')) as ProductMeta;
    loaded.set(product, meta);
  }
  return meta;
}

export function actionMeta(product: Product, action: string): ActionMeta {
  const meta = productMeta(product).apis[action];
  if (!meta) throw new Error(`api-meta/${product}.json documents no action ${action}`);
  return meta;
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * Every field of `body` must be declared by `schema` with the documented type. Returns the number
 * of fields checked and one line per problem (path, what the body has, what the schema says).
 */
export function checkBody(schema: Schema, body: unknown, path = ''): { fields: number; problems: string[] } {
  const problems: string[] = [];
  let fields = 0;
  const walk = (s: Schema, value: unknown, at: string): void => {
    fields++;
    const actual = typeOf(value);
    const expected = s.type ?? 'object';
    const fits = actual === expected || (expected === 'number' && actual === 'integer');
    if (!fits) {
      problems.push(`${at || '(body)'}: ${actual} ${JSON.stringify(value)?.slice(0, 40)}, documented as ${expected}`);
      return;
    }
    if (actual === 'array' && s.items) (value as unknown[]).forEach((item, n) => walk(s.items!, item, `${at}[${n}]`));
    if (actual === 'object' && s.properties) {
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
        const declared = Object.hasOwn(s.properties, key) ? s.properties[key] : undefined;
        if (!declared) problems.push(`${at ? `${at}.` : ''}${key}: not in the documented response`);
        else walk(declared, child, at ? `${at}.${key}` : key);
      }
    }
  };
  walk(schema, body, path);
  return { fields, problems };
}

/** Every code documented anywhere in the product's metadata (the product-level list). */
function productCodes(product: Product): Set<string> {
  const out = new Set<string>();
  for (const api of Object.values(productMeta(product).apis)) for (const codes of Object.values(api.errorCodes ?? {})) codes.forEach((c) => out.add(c));
  return out;
}

/**
 * Undefined when `code` (answered with HTTP `status`) is documented for the action (then with that
 * status), for the product, in RAM's reference pages, or as a gateway error; else why not.
 */
export function codeProblem(product: Product, action: string, status: number, code: string): string | undefined {
  const documented = actionMeta(product, action).errorCodes ?? {};
  const statuses = Object.entries(documented).filter(([, codes]) => codes.includes(code)).map(([s]) => Number(s));
  if (statuses.length > 0) return statuses.includes(status) ? undefined : `${code} answered with ${status}, documented with ${statuses.join('/')}`;
  if (productCodes(product).has(code)) return undefined;
  if (product === 'ram' && Object.hasOwn(RAM_CODES, code)) return undefined;
  if (Object.hasOwn(GATEWAY_CODES, code)) return undefined;
  return `${code} is documented neither for ${action}, nor for ${product}, nor as a gateway error`;
}
