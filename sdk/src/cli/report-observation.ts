import type { DataObservation } from '../core/quality/observation.js';
import type { RegistrySchemas } from '../io/registry-client.js';
import { callRegistry, openRegistry, type RegistryFlags } from './registry-call.js';

type ObservationResult = RegistrySchemas['ObservationResultDto'];
export type { RegistryFlags };

/**
 * `dmesh test --report`: sends the observation to
 * POST /v1/products/{id}/ports/{port}/observations over the generated client.
 * The registry and token come from --registry/--token, else
 * DMESH_REGISTRY_URL/DMESH_TOKEN, else `dmesh login`; --timeout bounds the
 * request. Failures throw RegistryCallError carrying the exit code (1 for 4xx,
 * 2 for 400, 3 unreachable).
 */
export async function reportObservation(
  env: Record<string, string | undefined>,
  productId: string,
  port: string,
  observation: DataObservation,
  flags: RegistryFlags = {},
): Promise<ObservationResult> {
  const { client, registry } = openRegistry(flags, env);
  return callRegistry<ObservationResult>(registry, () =>
    client.POST('/v1/products/{id}/ports/{port}/observations', {
      params: { path: { id: productId, port } },
      body: observation,
    }),
  );
}
