import semver from 'semver';
import { KEBAB_CASE } from '../identifiers.js';
import { ImportError, kebabCase, type ImportedProduct } from './errors.js';
import { customProperty, objectPart } from './odcs-properties.js';
import { rulesOf } from './odcs-quality.js';

type Doc = Record<string, unknown>;
type SchemaObject = Record<string, unknown>;

export interface OdcsImportOptions {
  /** The domain when the contract names none. */
  domain?: string;
}

const KIND: Record<string, string> = {
  table: 'table',
  view: 'table',
  topic: 'stream',
  stream: 'stream',
  file: 'file',
  api: 'api',
};
const FORMAT: Record<string, string> = { table: 'parquet', stream: 'json', file: 'json', api: 'json' };

/**
 * An ODCS v3 data contract as a dmesh product folder: the descriptor (one
 * output port per schema object) and a JSON Schema contract per port. What
 * dmesh wrote into `customProperties` (export odcs) comes back as it was; what
 * a contract from elsewhere does not say (format, location …) gets a default
 * named in `notes`.
 */
export function fromOdcs(doc: unknown, options: OdcsImportOptions = {}): ImportedProduct {
  const d = checkDocument(doc);
  const notes: string[] = [];
  const id = typeof d.id === 'string' ? d.id : '';
  const domain = kebabCase(
    String(d.domain ?? options.domain ?? (id.includes('.') ? id.split('.')[0] : '')) || 'imported',
  );
  const name = kebabCase(
    String(d.dataProduct ?? (id.includes('.') ? id.split('.').slice(1).join('-') : (d.name ?? id))),
  );
  if (!d.domain && !options.domain && !id.includes('.')) notes.push(`no domain: used "${domain}" (pass --domain <d>)`);
  const contracts: Record<string, unknown> = {};
  const outputs = (d.schema as SchemaObject[]).map((object, i) => {
    const { port, contract } = outputOf(object, i, d, domain, name, notes);
    contracts[port.contract as string] = contract;
    return port;
  });
  const inputs = customProperty(d, 'dmeshInputs');
  const descriptor = {
    apiVersion: 'dmesh.io/v1',
    kind: 'DataProduct',
    metadata: metadataOf(d, domain, name, notes),
    spec: { ...(Array.isArray(inputs) && { inputs }), outputs },
  };
  return { id: `${domain}.${name}`, descriptor, contracts, notes };
}

function checkDocument(doc: unknown): Doc {
  const d = (doc ?? {}) as Doc;
  if (
    typeof doc !== 'object' ||
    d.kind !== 'DataContract' ||
    typeof d.apiVersion !== 'string' ||
    !/^v?3\./.test(d.apiVersion)
  )
    throw new ImportError(
      'not an ODCS v3 data contract',
      '/',
      'pass a file with apiVersion: v3.x.x and kind: DataContract',
    );
  if (!Array.isArray(d.schema) || !d.schema.length)
    throw new ImportError(
      'the contract has no schema objects',
      '/schema',
      'add at least one schema object with its properties',
    );
  return d;
}

function metadataOf(d: Doc, domain: string, name: string, notes: string[]): Record<string, unknown> {
  const description = (d.description ?? {}) as Doc;
  const team = (d.team ?? {}) as Doc;
  const member = ((team.members as Doc[] | undefined) ?? []).find((m) => typeof m.username === 'string');
  const version = typeof d.version === 'string' && semver.valid(d.version) ? d.version : '1.0.0';
  if (version !== d.version) notes.push(`version "${String(d.version)}" is not semver: used 1.0.0`);
  const owner = {
    team: kebabCase(String(team.name ?? `${domain}-team`)),
    email: String(member?.username ?? `${domain}@example.com`),
  };
  if (!team.name || !member)
    notes.push(`no owning team with a member: owner ${owner.team} <${owner.email}>; edit metadata.owner`);
  const text = [description.purpose, description.usage, description.limitations].filter((t) => typeof t === 'string');
  const classification = customProperty(d, 'classification');
  const tier = customProperty(d, 'tier');
  return {
    domain,
    name,
    version,
    title: String(d.name ?? name),
    description: text.length ? text.join('\n\n') : String(d.name ?? name),
    owner,
    ...(Array.isArray(d.tags) && { tags: d.tags }),
    ...(classification !== undefined && { classification }),
    ...(tier !== undefined && { tier }),
  };
}

function outputOf(object: SchemaObject, index: number, d: Doc, domain: string, product: string, notes: string[]) {
  const name = kebabCase(String(object.name ?? `port-${index + 1}`));
  if (!KEBAB_CASE.test(name))
    throw new ImportError(
      `schema object name "${String(object.name)}"`,
      `/schema/${index}/name`,
      'use a kebab-case name',
    );
  const kind = String(customProperty(object, 'dmeshKind') ?? KIND[String(object.physicalType)] ?? 'table');
  const format = customProperty(object, 'format') ?? FORMAT[kind];
  const location = customProperty(object, 'location') ?? `s3://lake/${domain}/${product}/${name}/`;
  if (customProperty(object, 'location') === undefined)
    notes.push(`${name}: no location: used ${String(location)}; edit it`);
  const contractFile = String(customProperty(object, 'contractFile') ?? `contracts/${name}.schema.json`);
  const compatibility = customProperty(object, 'compatibility');
  const lineage = customProperty(object, 'lineage');
  const sla = slaOf(d, String(object.name), (d.schema as unknown[]).length === 1);
  const skipped: string[] = [];
  const quality = rulesOf(object, skipped);
  notes.push(...skipped.map((s) => `quality check with no dmesh rule left out: ${s}`));
  const port = {
    name,
    kind,
    format,
    location,
    contract: contractFile,
    ...(compatibility !== undefined && { compatibility }),
    ...(lineage !== undefined && { lineage }),
    ...(sla && { sla }),
    ...(quality.length && { quality }),
  };
  return { port, contract: contractOf(object) };
}

function contractOf(object: SchemaObject): Record<string, unknown> {
  const s: Record<string, unknown> = {};
  if (typeof object.businessName === 'string') s.title = object.businessName;
  if (typeof object.description === 'string') s.description = object.description;
  s.type = 'object';
  Object.assign(s, objectPart({ ...object, logicalType: 'object' }));
  const residual = customProperty(object, 'jsonSchema');
  return residual && typeof residual === 'object' ? { ...s, ...residual } : s;
}

/** latency → freshness, availability and completeness (percent) of the schema object the SLA names. */
function slaOf(d: Doc, object: string, only: boolean): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const p of (d.slaProperties as Doc[] | undefined) ?? []) {
    if (p.element !== undefined ? p.element !== object : !only) continue;
    if (p.property === 'latency' && typeof p.value === 'string' && /^P/.test(p.value)) out.freshness = p.value;
    if (p.property === 'availability' && typeof p.value === 'number') out.availability = p.value;
    if (p.property === 'completeness' && typeof p.value === 'number') out.completeness = p.value;
  }
  return Object.keys(out).length ? out : undefined;
}
