import type { EntityManager } from 'typeorm';
import { declaredInputs, observedInputs } from './operations/drift-rows.js';

export interface ObservedInput {
  /** `<product>/<port>` when the dataset is an output port, else `external:<location>`. */
  input: string;
  location: string;
  jobs: string[];
  lastSeen: string;
  runs: number;
}

export interface ProductDrift {
  product: string;
  /** Whether any OpenLineage event has been seen writing one of its ports. */
  observed: boolean;
  declared: string[];
  observedInputs: ObservedInput[];
  /** Read by its jobs but not declared in spec.inputs (includes external datasets). */
  observedNotDeclared: ObservedInput[];
  /** Declared in spec.inputs, never seen read by a job writing its ports. */
  declaredNotObserved: string[];
}

/**
 * Declared vs observed lineage per product. Without `products`, every product
 * some OpenLineage event wrote to; a product never observed reports
 * `observed: false` and no differences (nothing to compare yet).
 */
export async function lineageDrift(manager: EntityManager, products: string[] | null): Promise<ProductDrift[]> {
  const [declared, observed] = await Promise.all([
    declaredInputs(manager, products),
    observedInputs(manager, products),
  ]);
  const ids =
    products ??
    [...new Set([...declared.map((d) => d.product_id), ...observed.map((o) => o.output_product_id)])].sort();
  return ids.map((product) => {
    const mine = declared
      .filter((d) => d.product_id === product)
      .map((d) => `${d.upstream_product_id}/${d.upstream_port}`);
    const seen: ObservedInput[] = observed
      .filter((o) => o.output_product_id === product)
      .map((o) => ({
        input: o.input_product_id ? `${o.input_product_id}/${o.input_port}` : `external:${o.input_key}`,
        location: o.input_key,
        jobs: o.jobs.sort(),
        lastSeen: new Date(o.last_seen).toISOString(),
        runs: o.runs,
      }));
    const isObserved = seen.length > 0;
    return {
      product,
      observed: isObserved,
      declared: mine,
      observedInputs: seen,
      observedNotDeclared: seen.filter((o) => !mine.includes(o.input) && !o.input.startsWith(`${product}/`)),
      declaredNotObserved: isObserved ? mine.filter((d) => !seen.some((o) => o.input === d)) : [],
    };
  });
}
