import { listFields, resolveRange, type UpstreamFacts } from '@dmesh/sdk';
import { loadUpstreamPorts, loadUpstreamVersions } from '../operations/load-upstream.js';
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
      const versions = await loadUpstreamVersions(ctx.manager, input.product);
      const resolved = resolveRange(
        versions.filter((v) => v.lineState !== 'retired').map((v) => v.version),
        input.version,
      );
      ctx.inputs.push({
        product: input.product,
        port: input.port,
        range: input.version,
        ...(resolved && { resolved }),
      });
      const facts: UpstreamFacts = {
        product: input.product,
        port: input.port,
        range: input.version,
        published: versions.length > 0,
      };
      const version = versions.find((v) => v.version === resolved);
      if (version) {
        // Contracts only of the version the range resolved to.
        const port = (await loadUpstreamPorts(ctx.manager, input.product, version.version)).find(
          (p) => p.name === input.port,
        );
        Object.assign(facts, {
          resolved,
          lineState: version.lineState,
          ...(version.sunset && { sunset: version.sunset }),
          classification: version.classification,
          portFound: Boolean(port),
          ...(port && { fields: listFields(port.schema), ...(port.sla && { sla: port.sla }) }),
        });
      }
      ctx.upstreams.push(facts);
    }
  }
}
