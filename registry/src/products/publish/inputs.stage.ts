import { listFields, resolveRange } from '@dmesh/sdk';
import { loadPorts, loadResolvableVersions } from '../operations/load-versions.js';
import type { PublishContext, PublishStage } from './publish.types.js';

/**
 * Resolves each input port to the highest published, non-retired upstream
 * version in its range, and checks that field lineage reads fields that exist there.
 */
export class InputsStage implements PublishStage {
  readonly name = 'inputs';

  async run(ctx: PublishContext): Promise<void> {
    const inputs = ctx.bundle.descriptor.spec.inputs ?? [];
    const fieldsByPort = new Map<string, Set<string>>();
    for (const [i, input] of inputs.entries()) {
      const path = `/spec/inputs/${i}`;
      const versions = await loadResolvableVersions(ctx.manager, input.product);
      const resolved = resolveRange(versions, input.version);
      ctx.inputs.push({ product: input.product, port: input.port, range: input.version, ...(resolved && { resolved }) });
      if (!versions.length) {
        this.error(ctx, 'UPSTREAM_NOT_FOUND', `${path}/product`, `input ${input.product} is not published in this registry`, `publish ${input.product} first, or fix the product id`);
        continue;
      }
      if (!resolved) {
        this.error(ctx, 'UPSTREAM_RANGE_UNSATISFIED', `${path}/version`, `no published version of ${input.product} satisfies "${input.version}" (published: ${versions.join(', ')})`, `use a range that admits a published version, e.g. ^${versions.sort().at(-1)}`);
        continue;
      }
      const ports = await loadPorts(ctx.manager, input.product, resolved);
      const port = ports.find((p) => p.name === input.port);
      if (!port) {
        this.error(ctx, 'UPSTREAM_PORT_NOT_FOUND', `${path}/port`, `${input.product}@${resolved} has no output port "${input.port}" (ports: ${ports.map((p) => p.name).join(', ')})`, 'use one of the listed ports');
        continue;
      }
      fieldsByPort.set(`${input.product}/${input.port}`, new Set(listFields(port.schema).map((f) => f.path)));
    }
    this.checkFieldLineage(ctx, fieldsByPort);
  }

  private checkFieldLineage(ctx: PublishContext, fieldsByPort: Map<string, Set<string>>): void {
    ctx.bundle.descriptor.spec.outputs.forEach((port, i) => {
      for (const [field, refs] of Object.entries(port.lineage ?? {})) {
        refs.forEach((ref, j) => {
          const [portRef, upstreamField] = ref.split('#');
          const fields = fieldsByPort.get(portRef);
          if (fields && !fields.has(upstreamField)) {
            this.error(ctx, 'LINEAGE_FIELD_NOT_FOUND', `/spec/outputs/${i}/lineage/${field}/${j}`, `${portRef} has no field "${upstreamField}"`, `use one of: ${[...fields].slice(0, 20).join(', ')}`);
          }
        });
      }
    });
  }

  private error(ctx: PublishContext, code: string, path: string, message: string, fix: string): void {
    ctx.issues.push({ severity: 'error', stage: this.name, code, path, file: 'dataproduct.yaml', message, fix });
  }
}
