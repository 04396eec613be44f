import { Injectable } from '@nestjs/common';
import { listFields, resolveRange, type InputPort, type UpstreamFacts } from '@dmesh/sdk';
import type { EntityManager } from 'typeorm';
import { ContractsService } from '../../contracts/contracts.service.js';
import {
  AsPublishStage,
  type PublishAttempt,
  type PublishStage,
  type StageOutcome,
} from '../../publish/publish-stage.js';
import type { ResolvedInput } from '../../publish/stage-results.js';
import { loadUpstreamPorts, loadUpstreamVersions } from '../operations/load-upstream.js';

/**
 * Resolves each input port to the highest published, non-retired upstream
 * version in its range and gathers what governance judges about it
 * (existence, lifecycle, classification, fields, SLA). The
 * `lineage-integrity` policy decides what is an error.
 */
@Injectable()
@AsPublishStage()
export class InputsStage implements PublishStage<'inputs'> {
  readonly name = 'inputs';

  constructor(private readonly contracts: ContractsService) {}

  async check(attempt: PublishAttempt, tx: EntityManager): Promise<StageOutcome<'inputs'>> {
    const inputs: ResolvedInput[] = [];
    const upstreams: UpstreamFacts[] = [];
    for (const input of attempt.bundle.descriptor.spec.inputs ?? []) {
      const facts = await this.resolve(input, tx);
      inputs.push({
        product: input.product,
        port: input.port,
        range: input.version,
        ...(facts.resolved && { resolved: facts.resolved }),
      });
      upstreams.push(facts);
    }
    return { result: { inputs, upstreams } };
  }

  private async resolve(input: InputPort, tx: EntityManager): Promise<UpstreamFacts> {
    const versions = await loadUpstreamVersions(tx, input.product);
    const resolved = resolveRange(
      versions.filter((v) => v.lineState !== 'retired').map((v) => v.version),
      input.version,
    );
    const facts: UpstreamFacts = {
      product: input.product,
      port: input.port,
      range: input.version,
      published: versions.length > 0,
    };
    const version = versions.find((v) => v.version === resolved);
    if (!version) return facts;
    // Contracts only of the version the range resolved to.
    const port = (await loadUpstreamPorts(tx, input.product, version.version)).find((p) => p.name === input.port);
    const schema = port && (await this.contracts.schemasByHashes([port.contractHash], tx)).get(port.contractHash);
    return {
      ...facts,
      resolved,
      lineState: version.lineState,
      ...(version.sunset && { sunset: version.sunset }),
      classification: version.classification,
      portFound: Boolean(port),
      ...(port && { fields: listFields(schema), ...(port.sla && { sla: port.sla }) }),
    };
  }
}
