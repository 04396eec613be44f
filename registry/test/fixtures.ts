import { RegistryError } from '../src/common/registry-error.js';
import type { Principal } from '../src/auth/auth.service.js';

export const ADMIN: Principal = { name: 'test-admin', role: 'admin', domains: [] };

export const DOMAINS: Record<string, Record<string, unknown>> = {
  customers: {
    apiVersion: 'dmesh.io/v1',
    kind: 'Domain',
    name: 'customers',
    description: 'Customer master data.',
    owner: { team: 'crm', email: 'crm@example.com' },
  },
  sales: {
    apiVersion: 'dmesh.io/v1',
    kind: 'Domain',
    name: 'sales',
    description: 'Orders.',
    owner: { team: 'sales-data', email: 'sales@example.com' },
  },
};

export function contract(properties: Record<string, unknown>, required: string[] = Object.keys(properties)) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    additionalProperties: false,
    properties,
    required,
  };
}

export interface BundleOptions {
  domain?: string;
  name?: string;
  version?: string;
  description?: string;
  schema?: Record<string, unknown>;
  inputs?: { product: string; port: string; version: string }[];
  lineage?: Record<string, string[]>;
}

/** A publish request for a small valid product, with the parts a test varies. */
export function publishRequest(o: BundleOptions = {}) {
  const domain = o.domain ?? 'customers';
  const name = o.name ?? 'profiles';
  const schema =
    o.schema ??
    contract({
      customer_id: { type: 'string', description: 'Customer key.' },
      email: { type: 'string', format: 'email', description: 'Email.' },
    });
  return {
    descriptor: {
      apiVersion: 'dmesh.io/v1',
      kind: 'DataProduct',
      metadata: {
        domain,
        name,
        version: o.version ?? '1.0.0',
        title: `${name} product`,
        description: o.description ?? `The ${name} of ${domain}.`,
        owner: { team: `${domain}-team`, email: `${domain}@example.com` },
        tags: [domain],
        classification: 'internal',
        tier: 'silver',
      },
      spec: {
        ...(o.inputs && { inputs: o.inputs }),
        outputs: [
          {
            name,
            kind: 'table',
            format: 'parquet',
            location: `s3://lake/${domain}/${name}/`,
            contract: `contracts/${name}.schema.json`,
            ...(o.lineage && { lineage: o.lineage }),
          },
        ],
      },
    },
    contracts: { [`contracts/${name}.schema.json`]: schema },
    domain: DOMAINS[domain] ?? {
      apiVersion: 'dmesh.io/v1',
      kind: 'Domain',
      name: domain,
      description: `${domain}.`,
      owner: { team: `${domain}-team`, email: `${domain}@example.com` },
    },
  };
}

/** The RegistryError a call refuses with; fails the test when the call succeeds or throws anything else. */
export async function refusal(call: Promise<unknown>): Promise<RegistryError> {
  try {
    await call;
  } catch (err) {
    if (err instanceof RegistryError) return err;
    throw err;
  }
  throw new Error('expected the registry to refuse this call');
}

/** A contract nested 3,000 levels deep, as text: JSON.stringify overflows the stack on objects this deep. */
export const DEEP_CONTRACT_TEXT = `${'{"items":'.repeat(3000)}{"type":"string"}${'}'.repeat(3000)}`;

/** A contract whose property is a 10,000-long chain of $refs, as text. */
export function refChainContractText(length = 10_000): string {
  const defs: Record<string, unknown> = {};
  for (let i = 0; i < length; i++) defs[`d${i}`] = i < length - 1 ? { $ref: `#/$defs/d${i + 1}` } : { type: 'string' };
  return JSON.stringify({ type: 'object', properties: { a: { $ref: '#/$defs/d0' } }, $defs: defs });
}
