import type { LoadedProduct } from '../io/load-product.js';
import type { RegistryClient, RegistrySchemas } from '../io/registry-client.js';
import { callRegistry } from './registry-call.js';

export type PublishResult = RegistrySchemas['PublishResultDto'];

/**
 * Sends a loaded product version to the registry's publish endpoint (or its
 * dry-run): the one request `dmesh publish` and `dmesh validate` both make.
 */
export function sendVersion(
  client: RegistryClient,
  registry: string,
  loaded: LoadedProduct,
  dryRun: boolean,
): Promise<PublishResult> {
  const { metadata } = loaded.bundle.descriptor as { metadata: { domain: string; name: string } };
  return callRegistry<PublishResult>(registry, () =>
    client.POST('/v1/products/{id}/versions', {
      params: { path: { id: `${metadata.domain}.${metadata.name}` }, query: { dryRun } },
      body: {
        descriptor: loaded.bundle.descriptor as Record<string, unknown>,
        contracts: loaded.bundle.contracts,
        ...(loaded.domain && { domain: loaded.domain }),
      },
    }),
  );
}
