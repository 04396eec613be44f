import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { DESCRIPTOR_FILE, validateProduct } from '../core/product/validate-product.js';
import type { DataProduct, Problem, ProductBundle } from '../core/product/types.js';
import { locateInYaml, parseJson, parseYaml, type ParsedYaml } from './parse-files.js';

export interface LoadedProduct {
  dir: string;
  bundle: ProductBundle;
  /** The parsed ../domain.yaml next to the product folder, when there is one. */
  domain?: Record<string, unknown>;
  /** File-level problems (unreadable, unparsable), with line and column. */
  problems: Problem[];
  descriptorYaml?: ParsedYaml;
}

export class ProductLoadError extends Error {
  override name = 'ProductLoadError';
}

async function readText(path: string, shown: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ProductLoadError(
      code === 'ENOENT' ? `${shown} not found` : `cannot read ${shown}: ${(err as Error).message}`,
    );
  }
}

/**
 * Reads a product folder: dataproduct.yaml, every contract it references and
 * ../domain.yaml. Parse errors become problems with line and column; a missing
 * descriptor is a ProductLoadError naming the folder and the fix.
 */
export async function loadProduct(dir: string): Promise<LoadedProduct> {
  const root = resolve(dir);
  const descriptorPath = join(root, DESCRIPTOR_FILE);
  if (!existsSync(descriptorPath)) {
    throw new ProductLoadError(
      `${relative(process.cwd(), descriptorPath) || DESCRIPTOR_FILE} not found: ${root} is not a product folder (create one with: dmesh init <domain>.<product>)`,
    );
  }
  const parsed = parseYaml(await readText(descriptorPath, DESCRIPTOR_FILE), DESCRIPTOR_FILE);
  const problems = [...parsed.problems];
  const contracts: Record<string, unknown> = {};
  const descriptor = parsed.value as DataProduct | undefined;
  for (const port of Array.isArray(descriptor?.spec?.outputs) ? descriptor.spec.outputs : []) {
    if (typeof port?.contract !== 'string' || port.contract in contracts) continue;
    const file = join(root, port.contract);
    if (!existsSync(file)) continue; // validateProduct reports CONTRACT_MISSING with the descriptor path
    const result = parseJson(await readText(file, port.contract), port.contract);
    problems.push(...result.problems);
    if (result.value !== undefined) contracts[port.contract] = result.value;
  }
  const domainFile = join(dirname(root), 'domain.yaml');
  let domain: Record<string, unknown> | undefined;
  if (existsSync(domainFile)) {
    const d = parseYaml(await readText(domainFile, '../domain.yaml'), '../domain.yaml');
    problems.push(...d.problems);
    domain = d.value as Record<string, unknown> | undefined;
  }
  return {
    dir: root,
    bundle: { descriptor: parsed.value, contracts },
    ...(domain && { domain }),
    problems,
    descriptorYaml: parsed,
  };
}

/** File problems first; then the pure validation, located in the YAML where possible. */
export function checkLoadedProduct(loaded: LoadedProduct): Problem[] {
  if (loaded.problems.length) return loaded.problems;
  return validateProduct(loaded.bundle).map((p) =>
    p.file === DESCRIPTOR_FILE && loaded.descriptorYaml ? locateInYaml(loaded.descriptorYaml, p) : p,
  );
}
