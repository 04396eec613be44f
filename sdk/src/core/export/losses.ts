/**
 * What a target format cannot express, said in the output (a header comment,
 * `$comment`, Avro `doc`) instead of silently dropped.
 */
export interface Loss {
  /** JSON pointer into the contract. */
  path: string;
  /** The keyword or construct, with its value where short: `pattern ^[A-Z]{3}$`. */
  what: string;
}

export class Losses {
  readonly items: Loss[] = [];
  add(path: string, what: string): void {
    if (!this.items.some((l) => l.path === path && l.what === what)) this.items.push({ path, what });
  }
}

/** One line per loss, for a header comment: `/properties/currency: pattern ^[A-Z]{3}$`. */
export function lossLines(losses: readonly Loss[], format: string): string[] {
  if (!losses.length) return [`Everything the contract says is expressed in ${format}.`];
  return [
    `What ${format} cannot express (check it with dmesh test, or the contract itself):`,
    ...losses.map((l) => `  ${l.path || '/'}: ${l.what}`),
  ];
}

/** Shortens a value for a loss line. */
export function brief(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
