import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { stringify } from 'yaml';

/** A product version as files: the descriptor and its contracts by the paths the descriptor names. */
export interface ProductFiles {
  descriptor: unknown;
  contracts: Record<string, unknown>;
}

export class ProductWriteError extends Error {
  override name = 'ProductWriteError';
  readonly exitCode = 2;
}

/**
 * Writes dataproduct.yaml and the contracts into `dir` (created when missing).
 * An existing dataproduct.yaml is kept unless `force`; a contract path that
 * leaves the folder is refused. Returns the files written, relative to `dir`.
 */
export function writeProductFolder(
  dir: string,
  files: ProductFiles,
  options: { force?: boolean; header?: string } = {},
): string[] {
  const root = resolve(dir);
  const descriptorFile = join(root, 'dataproduct.yaml');
  if (existsSync(descriptorFile) && !options.force)
    throw new ProductWriteError(
      `${relative(process.cwd(), descriptorFile) || descriptorFile} exists; pass --force to overwrite it, or --out <another folder>`,
    );
  const written: string[] = [];
  const write = (path: string, text: string) => {
    const target = resolve(root, path);
    if (target !== root && !target.startsWith(root + sep))
      throw new ProductWriteError(
        `contract path ${path} leaves the product folder; use a path like contracts/<port>.schema.json`,
      );
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    written.push(relative(root, target));
  };
  write('dataproduct.yaml', `${options.header ?? ''}${stringify(files.descriptor, { lineWidth: 0 })}`);
  for (const [path, schema] of Object.entries(files.contracts)) write(path, `${JSON.stringify(schema, null, 2)}\n`);
  return written;
}

/** Writes a text file (creating its folder); returns its absolute path. */
export function writeTextFile(path: string, text: string): string {
  const target = resolve(path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  return target;
}
