import { formatConsumerId, type ConsumerKind } from '@dmesh/sdk';
import type { ProductsService } from '../../products/products.service.js';
import type { MajorLineRecord, PortVersion } from '../../products/products.types.js';
import type { ExternalReadRow } from '../operations/external-reads.js';
import type { ExternalConsumer } from './external-consumers.types.js';
import { hasExpired, resolveRange } from './resolve-read.js';

export const consumerIdOf = (r: Pick<ExternalReadRow, 'domain' | 'kind' | 'name'>): string =>
  formatConsumerId({ domain: r.domain, kind: r.kind as ConsumerKind, name: r.name });

/** What resolving a range needs of each upstream port: its versions and its product's major lines. */
export interface PortFacts {
  history: Map<string, PortVersion[]>;
  lines: Map<string, MajorLineRecord[]>;
}

export async function portFacts(
  products: Pick<ProductsService, 'portHistory' | 'majorLinesByProducts'>,
  ports: { product: string; port: string }[],
): Promise<PortFacts> {
  const keys = [...new Set(ports.map((p) => `${p.product}/${p.port}`))];
  const histories = await Promise.all(
    keys.map((k) => products.portHistory(k.slice(0, k.indexOf('/')), k.slice(k.indexOf('/') + 1))),
  );
  const ids = [...new Set(ports.map((p) => p.product))];
  const lines = new Map<string, MajorLineRecord[]>(ids.map((id) => [id, []]));
  for (const line of await products.majorLinesByProducts(ids)) lines.get(line.productId)?.push(line);
  return { history: new Map(keys.map((k, i) => [k, histories[i]])), lines };
}

export function resolvedFor(facts: PortFacts, product: string, port: string, range: string): string | undefined {
  return resolveRange(facts.history.get(`${product}/${port}`) ?? [], facts.lines.get(product) ?? [], range);
}

/** Rows (one per read, ordered by consumer) as consumers with their reads. */
export function toConsumers(rows: ExternalReadRow[], facts: PortFacts, today: string): ExternalConsumer[] {
  const out = new Map<string, ExternalConsumer>();
  for (const r of rows) {
    const key = `${r.domain}/${r.name}`;
    let consumer = out.get(key);
    if (!consumer) {
      consumer = {
        id: consumerIdOf(r),
        domain: r.domain,
        name: r.name,
        kind: r.kind,
        ...(r.description && { description: r.description }),
        owner: { team: r.owner_team, email: r.owner_email },
        reads: [],
        createdBy: r.created_by,
        createdAt: new Date(r.created_at).toISOString(),
        updatedAt: new Date(r.updated_at).toISOString(),
      };
      out.set(key, consumer);
    }
    if (!r.upstream_product_id) continue;
    const resolved = resolvedFor(facts, r.upstream_product_id, r.upstream_port, r.version_range);
    consumer.reads.push({
      port: `${r.upstream_product_id}/${r.upstream_port}`,
      versionRange: r.version_range,
      ...(resolved && { resolvedVersion: resolved }),
      fields: r.fields,
      ...(r.expires && { expires: r.expires }),
      expired: hasExpired(r.expires, today),
    });
  }
  return [...out.values()];
}
