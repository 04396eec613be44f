import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadProduct } from '../../src/io/load-product.js';
import type { DataProduct } from '../../src/core/product/types.js';

export const DOMAINS = new URL('../../../domains/', import.meta.url).pathname;

/** Every product folder of the demo catalog: current versions and their releases. */
export function demoProductDirs(): string[] {
  const dirs: string[] = [];
  for (const domain of readdirSync(DOMAINS, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const product of readdirSync(join(DOMAINS, domain.name), { withFileTypes: true })) {
      const dir = join(DOMAINS, domain.name, product.name);
      if (!product.isDirectory() || !existsSync(join(dir, 'dataproduct.yaml'))) continue;
      dirs.push(dir);
      const releases = join(dir, 'releases');
      if (existsSync(releases)) for (const r of readdirSync(releases)) dirs.push(join(releases, r));
    }
  }
  return dirs.sort();
}

export async function loadDemo(dir: string): Promise<{ product: DataProduct; contracts: Record<string, unknown> }> {
  const loaded = await loadProduct(dir);
  return { product: loaded.bundle.descriptor as DataProduct, contracts: loaded.bundle.contracts };
}

export const shortName = (dir: string) => dir.slice(DOMAINS.length);
