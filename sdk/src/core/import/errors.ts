/** Bad input to an importer: names the file, the path inside it and the fix (the CLI exits 2). */
export class ImportError extends Error {
  override name = 'ImportError';
  readonly exitCode = 2;
  constructor(
    message: string,
    readonly path: string,
    readonly fix: string,
  ) {
    super(`${path ? `${path}: ` : ''}${message}; ${fix}`);
  }
}

/** A product folder an importer writes: the descriptor, its contracts by path, and what it had to guess. */
export interface ImportedProduct {
  id: string;
  descriptor: Record<string, unknown>;
  contracts: Record<string, unknown>;
  /** Things the source did not say that the descriptor needs (filled with a default to edit). */
  notes: string[];
}

/** `Order Lines`, `order_lines` → `order-lines`. */
export function kebabCase(text: string): string {
  const out = text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return /^[a-z]/.test(out) ? out : `p-${out}`;
}
