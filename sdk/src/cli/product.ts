import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Problem } from '../core/product/types.js';
import { checkLoadedProduct, loadProduct, ProductLoadError, type LoadedProduct } from '../io/load-product.js';
import { locateInYaml } from '../io/parse-files.js';
import { UsageError, type CliIO } from './io.js';

export interface CliProduct {
  loaded: LoadedProduct;
  /** File problems, then the descriptor and contract checks (empty when valid). */
  problems: Problem[];
  /** The product folder relative to the current folder: what a person typed, never an absolute path. */
  shown: string;
  /** How output names the product: its id, and the folder when it is not the current one. */
  label: string;
  /** The line of a JSON pointer into the descriptor (or of its nearest parent). */
  lineOf: (path: string) => number | undefined;
  /** `dataproduct.yaml:9 /metadata/description` for a JSON pointer into the descriptor. */
  locate: (path: string) => string | undefined;
}

/** Reads and checks a product folder for a command; a folder without dataproduct.yaml is a usage error (exit 2). */
export async function loadCliProduct(dirArg: string, io: CliIO): Promise<CliProduct> {
  const dir = resolve(io.cwd, dirArg);
  const shown = relative(io.cwd, dir) || '.';
  let loaded: LoadedProduct;
  try {
    loaded = await loadProduct(dir);
  } catch (err) {
    if (!(err instanceof ProductLoadError)) throw err;
    if (existsSync(join(dir, 'dataproduct.yaml'))) throw new UsageError(err.message, 'UNREADABLE');
    throw new UsageError(
      `${shown === '.' ? 'this folder' : shown} has no dataproduct.yaml: run the command in a product folder, pass its path, or create one with dmesh init <domain>.<product>`,
      'NOT_A_PRODUCT',
    );
  }
  const lineOf = (path: string) => {
    if (!path.startsWith('/') || !loaded.descriptorYaml) return undefined;
    return locateInYaml(loaded.descriptorYaml, { severity: 'error', code: '', path, message: '', fix: '' }).line;
  };
  const locate = (path: string) => {
    const line = lineOf(path);
    return line ? `dataproduct.yaml:${line} ${path}` : undefined;
  };
  const metadata = (loaded.bundle.descriptor as { metadata?: { domain?: unknown; name?: unknown } } | undefined)
    ?.metadata;
  const id =
    typeof metadata?.domain === 'string' && typeof metadata.name === 'string'
      ? `${metadata.domain}.${metadata.name}`
      : undefined;
  const label = id ? (shown === '.' ? id : `${id} (${shown})`) : shown === '.' ? 'this product folder' : shown;
  return { loaded, problems: checkLoadedProduct(loaded), shown, label, lineOf, locate };
}
