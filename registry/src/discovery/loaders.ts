import DataLoader from 'dataloader';
import type { ContractsService } from '../contracts/contracts.service.js';
import type { ProductsService } from '../products/products.service.js';
import type { SearchCard } from './operations/search-cards.js';
import type { SearchService } from './search.service.js';
import type {
  InputRecord,
  MajorLineRecord,
  PortRecord,
  ProductRecord,
  VersionRecord,
} from '../products/products.types.js';

export function groupBy<T>(rows: T[], key: (row: T) => string, keys: readonly string[]): T[][] {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/** One set per GraphQL request: every level of a query is one SQL statement, whatever the list size. */
export function createLoaders(products: ProductsService, contracts: ContractsService, searches: SearchService) {
  return {
    product: new DataLoader<string, ProductRecord | undefined>(async (ids) => {
      const rows = await products.productsByIds(ids);
      return ids.map((id) => rows.find((r) => r.id === id));
    }),
    versions: new DataLoader<string, VersionRecord[]>(async (ids) =>
      groupBy(await products.versionsByProducts(ids), (r) => r.productId, ids),
    ),
    ports: new DataLoader<string, PortRecord[]>(async (ids) =>
      groupBy(await products.portsByVersions(ids), (r) => r.versionId, ids),
    ),
    inputs: new DataLoader<string, InputRecord[]>(async (ids) =>
      groupBy(await products.inputsByVersions(ids), (r) => r.versionId, ids),
    ),
    contract: new DataLoader<string, unknown>(async (hashes) => {
      const schemas = await contracts.schemasByHashes(hashes);
      return hashes.map((h) => schemas.get(h));
    }),
    majorLines: new DataLoader<string, MajorLineRecord[]>(async (ids) =>
      groupBy(await products.majorLinesByProducts(ids), (r) => r.productId, ids),
    ),
    consumers: new DataLoader<string, InputRecord[]>(async (ids) =>
      groupBy(await products.consumersByProducts(ids), (r) => r.upstreamProductId, ids),
    ),
    searchCard: new DataLoader<string, SearchCard | undefined>(async (ids) => {
      const cards = await searches.cards(ids);
      return ids.map((id) => cards.get(id));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
export interface GraphQLContext {
  loaders: Loaders;
}
