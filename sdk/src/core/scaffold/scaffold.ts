import { stringify } from 'yaml';
import { scaffoldContract, scaffoldSample, title } from './contract.js';
import { placeholderDescription, placeholderEmail, PLACEHOLDER_MARK } from './placeholders.js';

export type PortKind = 'table' | 'stream' | 'file' | 'api';
export const PORT_KINDS: PortKind[] = ['table', 'stream', 'file', 'api'];

export interface ScaffoldInput {
  domain: string;
  product: string;
  owner: string;
  kind: PortKind;
  /** `metadata.description`; a marked placeholder when absent. */
  description?: string;
  /** `metadata.owner.email`; a placeholder address when absent. */
  email?: string;
  /** Fixed clock for the sample data. */
  now: Date;
}

/** A value the team still has to write, by file and JSON pointer. */
export interface Placeholder {
  file: string;
  path: string;
  /** What to write there. */
  hint: string;
}

export interface Scaffold {
  /** File text keyed by path relative to the product folder. */
  files: Record<string, string>;
  placeholders: Placeholder[];
}

const WHERE: Record<PortKind, (d: string, p: string) => { format: string; location: string }> = {
  table: (d, p) => ({ format: 'parquet', location: `s3://lake/${d}/${p}/` }),
  stream: (d, p) => ({ format: 'json', location: `kafka://${d}.${p}.v1` }),
  file: (d, p) => ({ format: 'csv', location: `s3://lake/${d}/${p}/` }),
  api: (d, p) => ({ format: 'json', location: `https://api.example.com/${d}/${p}` }),
};

function outputPort(input: ScaffoldInput, contract: string): Record<string, unknown> {
  const { domain, product, kind } = input;
  return {
    name: product,
    kind,
    ...WHERE[kind](domain, product),
    contract,
    compatibility: 'BACKWARD',
    sla: { freshness: 'P1D', availability: 99, completeness: 99 },
    quality: [
      { rule: 'unique', field: 'id' },
      { rule: 'not_null', fields: ['id', 'status', 'created_at'] },
      { rule: 'accepted_values', field: 'status', values: ['open', 'closed'] },
      { rule: 'range', field: 'amount', min: 0 },
      { rule: 'row_count', min: 1 },
    ],
  };
}

function placeholdersOf(input: ScaffoldInput): Placeholder[] {
  const found: Placeholder[] = [];
  if (input.description === undefined)
    found.push({
      file: 'dataproduct.yaml',
      path: '/metadata/description',
      hint: 'what one record means, how often it is updated, who should use it (or init --description)',
    });
  if (input.email === undefined)
    found.push({
      file: 'dataproduct.yaml',
      path: '/metadata/owner/email',
      hint: "the owning team's address (or init --email)",
    });
  return found;
}

/**
 * The files of a new product: a descriptor, a first contract with described
 * fields and sample JSONL data that pass `dmesh validate`, `dmesh test` and
 * `dmesh publish` untouched. What only the team can say is written as a marked
 * placeholder (listed in `placeholders`) that the documentation policy warns about.
 */
export function scaffoldProduct(input: ScaffoldInput): Scaffold {
  const { domain, product, owner } = input;
  const contractPath = `contracts/${product}.schema.json`;
  const descriptor = {
    apiVersion: 'dmesh.io/v1',
    kind: 'DataProduct',
    metadata: {
      domain,
      name: product,
      version: '0.1.0',
      title: title(product),
      description: input.description ?? placeholderDescription(title(product).toLowerCase()),
      owner: { team: owner, email: input.email ?? placeholderEmail(owner) },
      tags: [domain],
      classification: 'internal',
      tier: 'bronze',
    },
    spec: { outputs: [outputPort(input, contractPath)] },
  };
  const header = `# ${domain}.${product}: replace each "${PLACEHOLDER_MARK}" and @example.invalid, then run dmesh validate, dmesh test --data data/sample.jsonl, dmesh publish\n`;
  return {
    files: {
      'dataproduct.yaml': header + stringify(descriptor, { lineWidth: 0 }),
      [contractPath]: JSON.stringify(scaffoldContract(domain, product), null, 2) + '\n',
      'data/sample.jsonl': scaffoldSample(input.now),
    },
    placeholders: placeholdersOf(input),
  };
}

export function scaffoldDomain(domain: string, owner: string, email?: string): string {
  return stringify({
    apiVersion: 'dmesh.io/v1',
    kind: 'Domain',
    name: domain,
    title: title(domain),
    description: `${PLACEHOLDER_MARK} say which business capability the ${domain} domain owns.`,
    owner: { team: owner, email: email ?? placeholderEmail(owner) },
  });
}
