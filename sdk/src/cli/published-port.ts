import semver from 'semver';
import { parseId } from '../core/identifiers.js';
import type { DataProduct } from '../core/product/types.js';
import type { RegistrySchemas } from '../io/registry-client.js';
import { UsageError } from './io.js';
import { callRegistry, openRegistry, type RegistryFlags } from './registry-call.js';

type Version = RegistrySchemas['VersionDetailDto'];

/** `<domain>.<product>/<port>[@<range>]`: the ids pull and export take (a range, unlike other ids). */
export function parsePortRef(text: string): { product: string; port: string; range?: string } {
  const at = text.indexOf('@');
  const idText = at < 0 ? text : text.slice(0, at);
  const range = at < 0 ? undefined : text.slice(at + 1);
  const id = parseId(idText);
  if (!id || !id.port || id.field || (range !== undefined && !semver.validRange(range)))
    throw new UsageError(
      `"${text}" is not a port with an optional range; use <domain>.<product>/<port>[@<range>], e.g. sales.orders/orders@^1.0.0`,
    );
  return { product: `${id.domain}.${id.product}`, port: id.port, ...(range !== undefined && { range }) };
}

export interface PublishedPort {
  product: string;
  port: string;
  version: string;
  descriptor: DataProduct;
  /** Every port's contract of that version, by the path its descriptor names. */
  contracts: Record<string, unknown>;
  /** The contract of the port asked for, as served by the contract route, and its ETag. */
  contract: unknown;
  etag: string;
}

/** The highest published version in the range (default: the latest), its descriptor and contracts. */
export async function fetchPublishedPort(
  ref: { product: string; port: string; range?: string },
  flags: RegistryFlags,
  env: Record<string, string | undefined>,
): Promise<PublishedPort> {
  const { client, registry } = openRegistry(flags, env, true);
  const path = { id: ref.product };
  const versions = await callRegistry(registry, () => client.GET('/v1/products/{id}/versions', { params: { path } }));
  const version = semver.maxSatisfying(
    versions.map((v) => v.version),
    ref.range ?? '*',
    { includePrerelease: true },
  );
  if (!version)
    throw new UsageError(
      `no published version of ${ref.product} is in ${ref.range}; published: ${versions.map((v) => v.version).join(', ')}`,
      'NO_VERSION_IN_RANGE',
    );
  const detail: Version = await callRegistry(registry, () =>
    client.GET('/v1/products/{id}/versions/{version}', { params: { path: { id: ref.product, version } } }),
  );
  const descriptor = detail.descriptor as unknown as DataProduct;
  const declared = descriptor.spec.outputs.find((o) => o.name === ref.port);
  if (!declared)
    throw new UsageError(
      `${ref.product}@${version} has no output port ${ref.port}; its ports: ${descriptor.spec.outputs.map((o) => o.name).join(', ')}`,
      'PORT_NOT_FOUND',
    );
  let etag = '';
  const text = await callRegistry<string>(registry, async () => {
    const result = await client.GET('/v1/products/{id}/versions/{version}/ports/{port}/contract', {
      params: { path: { id: ref.product, version, port: ref.port } },
      parseAs: 'text',
    });
    etag = result.response.headers.get('etag') ?? '';
    return result as { data?: string; error?: unknown; response: Response };
  });
  const contracts = Object.fromEntries(
    descriptor.spec.outputs.map((o) => [o.contract, detail.outputs.find((p) => p.name === o.name)?.contract]),
  );
  return { product: ref.product, port: ref.port, version, descriptor, contracts, contract: JSON.parse(text), etag };
}
