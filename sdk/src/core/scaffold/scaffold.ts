import { stringify } from 'yaml';

export type PortKind = 'table' | 'stream' | 'file' | 'api';
export const PORT_KINDS: PortKind[] = ['table', 'stream', 'file', 'api'];

export interface ScaffoldInput {
  domain: string;
  product: string;
  owner: string;
  kind: PortKind;
  /** Fixed clock for the sample data. */
  now: Date;
}

const WHERE: Record<PortKind, (d: string, p: string) => { format: string; location: string }> = {
  table: (d, p) => ({ format: 'parquet', location: `s3://lake/${d}/${p}/` }),
  stream: (d, p) => ({ format: 'json', location: `kafka://${d}.${p}.v1` }),
  file: (d, p) => ({ format: 'csv', location: `s3://lake/${d}/${p}/` }),
  api: (d, p) => ({ format: 'json', location: `https://api.example.com/${d}/${p}` }),
};

function title(name: string): string {
  return name
    .split('-')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * The files of a new product, as text keyed by relative path: a descriptor, a
 * first contract with described fields and sample JSONL data that passes
 * `dmesh validate`, `dmesh test` and `dmesh publish` untouched.
 */
export function scaffoldProduct(input: ScaffoldInput): Record<string, string> {
  const { domain, product, owner, kind } = input;
  const contractPath = `contracts/${product}.schema.json`;
  const descriptor = {
    apiVersion: 'dmesh.io/v1',
    kind: 'DataProduct',
    metadata: {
      domain,
      name: product,
      version: '0.1.0',
      title: title(product),
      description: `${title(product)} of the ${domain} domain. Describe what one record means, how often it is updated and who should use it.`,
      owner: { team: owner, email: `${owner}@example.com` },
      tags: [domain],
      classification: 'internal',
      tier: 'bronze',
    },
    spec: {
      outputs: [
        {
          name: product,
          kind,
          ...WHERE[kind](domain, product),
          contract: contractPath,
          compatibility: 'BACKWARD',
          sla: { freshness: 'P1D', availability: 99, completeness: 99 },
          quality: [
            { rule: 'unique', field: 'id' },
            { rule: 'not_null', fields: ['id', 'status', 'created_at'] },
            { rule: 'accepted_values', field: 'status', values: ['open', 'closed'] },
            { rule: 'range', field: 'amount', min: 0 },
            { rule: 'row_count', min: 1 },
          ],
        },
      ],
    },
  };
  const contract = {
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
  const sample =
    Array.from({ length: 5 }, (_, i) =>
      JSON.stringify({
        id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
        status: i % 2 ? 'closed' : 'open',
        amount: 10 * (i + 1),
        currency: 'EUR',
        created_at: new Date(input.now.getTime() - i * 3_600_000).toISOString(),
      }),
    ).join('\n') + '\n';
  return {
    'dataproduct.yaml': `# ${domain}.${product}: edit, then run dmesh validate, dmesh test --data data/sample.jsonl, dmesh publish\n${stringify(descriptor, { lineWidth: 0 })}`,
    [contractPath]: JSON.stringify(contract, null, 2) + '\n',
    'data/sample.jsonl': sample,
  };
}

export function scaffoldDomain(domain: string, owner: string): string {
  return stringify({
    apiVersion: 'dmesh.io/v1',
    kind: 'Domain',
    name: domain,
    title: title(domain),
    description: `The ${domain} domain. Say which business capability it owns.`,
    owner: { team: owner, email: `${owner}@example.com` },
  });
}
