import DataLoader from 'dataloader';
import type {
  CatalogService,
  InputRow,
  MajorLineRow,
  PortRow,
  ProductRow,
  VersionRow,
} from '../products/catalog.service.js';

function groupBy<T>(rows: T[], key: (row: T) => string, keys: readonly string[]): T[][] {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    map.set(k, [...(map.get(k) ?? []), row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/** One set per GraphQL request: every level of a query is one SQL statement, whatever the list size. */
export function createLoaders(catalog: CatalogService) {
  return {
    product: new DataLoader<string, ProductRow | undefined>(async (ids) => {
      const rows = await catalog.productsByIds(ids);
      return ids.map((id) => rows.find((r) => r.id === id));
    }),
    versions: new DataLoader<string, VersionRow[]>(async (ids) =>
      groupBy(await catalog.versionsByProducts(ids), (r) => r.product_id, ids),
    ),
    ports: new DataLoader<string, PortRow[]>(async (ids) =>
      groupBy(await catalog.portsByVersions(ids), (r) => String(r.version_id), ids),
    ),
    inputs: new DataLoader<string, InputRow[]>(async (ids) =>
      groupBy(await catalog.inputsByVersions(ids), (r) => String(r.version_id), ids),
    ),
    contract: new DataLoader<string, unknown>(async (hashes) => {
      const rows = await catalog.contractsByHashes(hashes);
      return hashes.map((h) => rows.find((r) => r.hash === h)?.schema);
    }),
    majorLines: new DataLoader<string, MajorLineRow[]>(async (ids) =>
      groupBy(await catalog.majorLinesByProducts(ids), (r) => r.product_id, ids),
    ),
    consumers: new DataLoader<string, InputRow[]>(async (ids) =>
      groupBy(await catalog.consumersByProducts(ids), (r) => r.upstream_product_id, ids),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
export interface GraphQLContext {
  loaders: Loaders;
}
