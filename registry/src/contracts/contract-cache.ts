/**
 * Contracts are immutable and content-addressed, so a schema read once by
 * its hash can be kept: every publish of a product compares with its
 * previous contract, and reading it again costs a round trip inside the
 * publish's lock. Bounded by the schemas' stored size; large schemas are not
 * kept. Entries are deep-frozen: they are shared by every reader.
 */
export class ContractCache {
  private readonly entries = new Map<string, { schema: unknown; bytes: number }>();
  private bytes = 0;

  constructor(
    private readonly maxBytes = 32 * 1024 * 1024,
    private readonly maxEntryBytes = 256 * 1024,
  ) {}

  /** Whether the schema is kept: it was read from the table, so it is stored (contracts are never deleted). */
  has(hash: string): boolean {
    return this.entries.has(hash);
  }

  get(hash: string): unknown {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    this.entries.delete(hash); // most recently used last
    this.entries.set(hash, entry);
    return entry.schema;
  }

  set(hash: string, schema: unknown, bytes: number): void {
    if (bytes > this.maxEntryBytes || this.entries.has(hash)) return;
    this.entries.set(hash, { schema: deepFreeze(schema), bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
