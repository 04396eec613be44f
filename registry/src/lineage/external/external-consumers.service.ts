import { Inject, Injectable } from '@nestjs/common';
import semver from 'semver';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { mayPublish, type Principal } from '../../auth/auth.service.js';
import { CLOCK, type Clock } from '../../common/clock.js';
import { RequestError } from '../../common/registry-error.js';
import { ContractsService } from '../../contracts/contracts.service.js';
import { ProductsService } from '../../products/products.service.js';
import { majorLineKey, type LineConsumer, type MajorLineKey } from '../../products/products.types.js';
import { parsePortId } from '../ids.js';
import { externalConsumerRows, externalReadsOfPorts, externalReadsOfProducts } from '../operations/external-reads.js';
import { removeExternalReads } from '../operations/remove-external-read.js';
import { upsertExternalRead } from '../operations/upsert-external-read.js';
import { checkConsumerName, checkExpires, checkFields, checkKind, checkRange } from './external-checks.js';
import type { ExternalConsumer, ExternalReadInput } from './external-consumers.types.js';
import { consumerIdOf, portFacts, resolvedFor, toConsumers } from './external-view.js';
import { hasExpired } from './resolve-read.js';

type ConsumerKey = { domain: string; name: string };

/**
 * Consumers outside the mesh: registered, updated and removed by the
 * publishers of their domain; read by consumers, impact, lineage and the
 * major-line lifecycle.
 */
@Injectable()
export class ExternalConsumersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly products: ProductsService,
    private readonly contracts: ContractsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }

  /** Registers the read of one port (`<domain>.<product>/<port>`), creating the consumer when it is new. */
  register(
    key: ConsumerKey,
    portId: string,
    input: ExternalReadInput,
    principal: Principal,
  ): Promise<ExternalConsumer> {
    const attempt = { actor: principal.name, action: 'consumer.register', subject: `${key.domain}:${key.name}` };
    return this.audit.recordRefusal(attempt, async () => {
      checkConsumerName(key.domain, key.name);
      this.authorise(key, principal);
      const { product, port } = parsePortId(portId, 'port');
      const range = checkRange(input?.versionRange);
      const expires = checkExpires(input.expires, this.today());
      const fields = await this.checkedFields(product, port, range, input.fields);
      await this.dataSource.transaction(async (tx) => {
        const [existing] = await externalConsumerRows(tx, key);
        const kind = checkKind(input.kind, existing?.kind);
        const owner = await this.ownerOf(key.domain, input.owner, existing);
        const write = { ...key, kind, owner, product, port, versionRange: range, fields, expires };
        const at = this.clock.now();
        const description = input.description?.trim() || null;
        const created = await upsertExternalRead(tx, { ...write, description, actor: principal.name, at });
        const detail = { port: portId, versionRange: range, fields, expires, kind, created };
        await this.audit.record({ ...attempt, subject: consumerIdOf(write), outcome: 'accepted', detail }, tx);
      });
      return this.get(key.domain, key.name);
    });
  }

  /** Removes the read of one port, or the whole consumer (`portId` absent). */
  remove(key: ConsumerKey, portId: string | undefined, principal: Principal): Promise<ExternalConsumer | undefined> {
    const attempt = { actor: principal.name, action: 'consumer.remove', subject: `${key.domain}:${key.name}` };
    return this.audit.recordRefusal(attempt, async () => {
      checkConsumerName(key.domain, key.name);
      this.authorise(key, principal);
      const port = portId === undefined ? undefined : parsePortId(portId, 'port');
      await this.dataSource.transaction(async (tx) => {
        const [existing] = await externalConsumerRows(tx, key);
        if (!existing) throw notFound(key);
        const removed = await removeExternalReads(tx, key, port);
        if (port && !removed)
          throw new RequestError('NOT_FOUND', `${consumerIdOf(existing)} does not read ${portId}`, [
            { code: 'READ_NOT_FOUND', message: `no read of ${portId}`, fix: `see its reads: dmesh consume --list` },
          ]);
        const detail = { port: portId ?? '*', removed };
        await this.audit.record({ ...attempt, subject: consumerIdOf(existing), outcome: 'accepted', detail }, tx);
      });
      const left = await this.list({ domain: key.domain, name: key.name });
      return left[0];
    });
  }

  async get(domain: string, name: string): Promise<ExternalConsumer> {
    const [consumer] = await this.list({ domain, name });
    if (!consumer) throw notFound({ domain, name });
    return consumer;
  }

  async list(filter: { domain?: string; name?: string } = {}): Promise<ExternalConsumer[]> {
    const rows = await externalConsumerRows(this.dataSource.manager, filter);
    const ports = rows.filter((r) => r.upstream_product_id).map(portOf);
    return toConsumers(rows, await portFacts(this.products, ports), this.today());
  }

  /**
   * Consumers still on each major line (keyed `<product>@<major>`): their range
   * resolves into it now and their registration has not lapsed.
   */
  async onMajorLines(manager: EntityManager, lines: readonly MajorLineKey[]): Promise<Map<string, LineConsumer[]>> {
    const out = new Map<string, LineConsumer[]>(lines.map((l) => [majorLineKey(l.productId, l.major), []]));
    const today = this.today();
    const ids = [...new Set(lines.map((l) => l.productId))];
    const rows = (await externalReadsOfProducts(manager, ids)).filter((r) => !hasExpired(r.expires, today));
    const facts = await portFacts(this.products, rows.map(portOf));
    for (const r of rows) {
      const resolved = resolvedFor(facts, r.upstream_product_id, r.upstream_port, r.version_range);
      if (!resolved) continue;
      out.get(majorLineKey(r.upstream_product_id, semver.major(resolved)))?.push({
        product: consumerIdOf(r),
        port: r.upstream_port,
        range: r.version_range,
        resolved,
        owner: { team: r.owner_team, email: r.owner_email },
        kind: r.kind,
        ...(r.expires && { expires: r.expires }),
      });
    }
    return out;
  }

  /** Reads of ports, for consumers(port) and impact (owners included). */
  readsOfPorts(manager: EntityManager, ports: { product: string; port: string }[]) {
    return externalReadsOfPorts(manager, ports);
  }

  private authorise(key: ConsumerKey, principal: Principal): void {
    if (!mayPublish(principal, key.domain))
      throw new RequestError(
        'FORBIDDEN',
        `${principal.name} may not register consumers of domain ${key.domain}: only its publishers (or an admin) may`,
      );
  }

  private async checkedFields(product: string, port: string, range: string, fields: unknown): Promise<string[]> {
    const history = await this.products.portHistory(product, port);
    if (!history.length)
      throw new RequestError('NOT_FOUND', `${product}/${port} is not a published output port`, [
        {
          code: 'PORT_NOT_FOUND',
          message: `no port ${port} on ${product}`,
          fix: `see the ports with: dmesh show ${product}`,
        },
      ]);
    const facts = await portFacts(this.products, [{ product, port }]);
    const version = resolvedFor(facts, product, port, range);
    if (!version)
      throw new RequestError('BAD_REQUEST', `no published, non-retired version of ${product}/${port} is in ${range}`, [
        {
          code: 'RANGE_UNRESOLVED',
          path: 'versionRange',
          message: `${range} admits none of ${history.map((h) => h.version).join(', ')}`,
          fix: 'pin a range that admits a published version',
        },
      ]);
    const hash = history.find((h) => h.version === version)!.contractHash;
    const schema = (await this.contracts.schemasByHashes([hash])).get(hash);
    return checkFields(fields, schema, `${product}/${port}`, version);
  }

  private async ownerOf(
    domain: string,
    given: ExternalReadInput['owner'],
    existing: { owner_team: string; owner_email: string } | undefined,
  ): Promise<{ team: string; email: string }> {
    const known = (await this.products.domains()).find((d) => d.name === domain)?.owner;
    const team = given?.team ?? existing?.owner_team ?? known?.team;
    const email = given?.email ?? existing?.owner_email ?? known?.email;
    if (team && email) return { team, email };
    throw new RequestError('BAD_REQUEST', `domain ${domain} is not registered, so the consumer's owner is unknown`, [
      {
        code: 'OWNER_UNKNOWN',
        path: 'owner',
        message: 'no owner team and email',
        fix: 'pass --owner-team <team> --owner-email <email>, or publish a product of the domain first',
      },
    ]);
  }
}

const portOf = (r: { upstream_product_id: string; upstream_port: string }) => ({
  product: r.upstream_product_id,
  port: r.upstream_port,
});

function notFound(key: ConsumerKey): RequestError {
  return new RequestError('NOT_FOUND', `no consumer ${key.name} in domain ${key.domain}`, [
    {
      code: 'CONSUMER_NOT_FOUND',
      message: `no consumer ${key.domain}:…/${key.name}`,
      fix: `list them with: dmesh consume --list --domain ${key.domain}`,
    },
  ]);
}
