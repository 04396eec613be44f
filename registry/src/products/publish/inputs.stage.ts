import { listFields, resolveRange, type UpstreamFacts } from '@dmesh/sdk';
import { loadUpstreamFacts } from '../operations/load-upstream.js';
import type { PublishContext, PublishStage } from './publish.types.js';

/**
 * Resolves each input port to the highest published, non-retired upstream
 * version in its range and gathers what governance judges about it
 * (existence, lifecycle, classification, fields, SLA). The
 * `lineage-integrity` policy decides what is an error.
 */
export class InputsStage implements PublishStage {
  readonly name = 'inputs';

  async run(ctx: PublishContext): Promise<void> {
    for (const input of ctx.bundle.descriptor.spec.inputs ?? []) {
      const upstream = await loadUpstreamFacts(ctx.manager, input.product);
      const resolved = resolveRange(upstream.versions.filter((v) => v.lineState !== 'retired').map((v) => v.version), input.version);
      ctx.inputs.push({ product: input.product, port: input.port, range: input.version, ...(resolved && { resolved }) });
      const facts: UpstreamFacts = { product: input.product, port: input.port, range: input.version, published: upstream.versions.length > 0 };
      const version = upstream.versions.find((v) => v.version === resolved);
      if (version) {
        const port = version.ports.find((p) => p.name === input.port);
        Object.assign(facts, {
          resolved, lineState: version.lineState, ...(version.sunset && { sunset: version.sunset }),
          classification: version.classification, portFound: Boolean(port),
          ...(port && { fields: listFields(port.schema), ...(port.sla && { sla: port.sla }) }),
        });
      }
      ctx.upstreams.push(facts);
    }
  }
}
