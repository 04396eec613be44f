import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './registry-api.generated.js';
import { registryFetch, type RegistryFetchOptions } from './registry-fetch.js';

export type RegistryClient = Client<paths>;
export type RegistrySchemas = components['schemas'];

export interface RegistryClientOptions extends Pick<
  RegistryFetchOptions,
  'timeoutMs' | 'attempts' | 'backoffMs' | 'idempotent'
> {
  baseUrl: string;
  token?: string;
  fetch?: typeof fetch;
}

/**
 * The registry client, typed from the committed OpenAPI document
 * (contracts/openapi.json → registry-api.generated.ts). Calls return
 * `{ data, error, response }` values instead of throwing on HTTP errors.
 * Each request is bounded by `timeoutMs` (default 30 s) and retried on
 * connection errors when that is safe (see registry-fetch.ts); those throw
 * RegistryTimeoutError / RegistryConnectionError.
 */
export function createRegistryClient(options: RegistryClientOptions): RegistryClient {
  return createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    headers: {
      'user-agent': 'dmesh-sdk',
      ...(options.token && { authorization: `Bearer ${options.token}` }),
    },
    fetch: registryFetch(options),
  });
}
