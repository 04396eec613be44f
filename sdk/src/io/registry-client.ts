import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './registry-api.generated.js';

export type RegistryClient = Client<paths>;
export type RegistrySchemas = components['schemas'];

export interface RegistryClientOptions {
  baseUrl: string;
  token?: string;
  fetch?: typeof fetch;
}

/**
 * The registry client, typed from the committed OpenAPI document
 * (contracts/openapi.json → registry-api.generated.ts). Calls return
 * `{ data, error, response }` values instead of throwing on HTTP errors.
 */
export function createRegistryClient(options: RegistryClientOptions): RegistryClient {
  return createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    headers: {
      'user-agent': 'dmesh-sdk',
      ...(options.token && { authorization: `Bearer ${options.token}` }),
    },
    ...(options.fetch && { fetch: options.fetch }),
  });
}
