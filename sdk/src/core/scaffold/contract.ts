/** `order-lines` → `Order Lines`. */
export function title(name: string): string {
  return name
    .split('-')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

/** The first contract of a scaffolded port: closed, every field described, an id as primary key. */
export function scaffoldContract(domain: string, product: string): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://dmesh.example.com/contracts/${domain}/${product}.schema.json`,
    title: title(product),
    description: `One ${title(product).toLowerCase()} record.`,
    type: 'object',
    additionalProperties: false,
    required: ['id', 'status', 'created_at'],
    properties: {
      id: { type: 'string', format: 'uuid', description: 'Unique identifier of the record.', 'x-primary-key': true },
      status: { type: 'string', enum: ['open', 'closed'], description: 'Lifecycle state.' },
      amount: { type: 'number', minimum: 0, description: 'Amount in the currency below, zero or more.' },
      currency: { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO-4217 currency code.' },
      created_at: { type: 'string', format: 'date-time', description: 'When the record was created (UTC).' },
    },
  };
}

/** Five records valid under the contract and its quality rules, the newest at `now`. */
export function scaffoldSample(now: Date): string {
  const records = Array.from({ length: 5 }, (_, i) =>
    JSON.stringify({
      id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      status: i % 2 ? 'closed' : 'open',
      amount: 10 * (i + 1),
      currency: 'EUR',
      created_at: new Date(now.getTime() - i * 3_600_000).toISOString(),
    }),
  );
  return records.join('\n') + '\n';
}
