import { stringify } from 'yaml';
import type { DataProduct, OutputPort } from '../product/types.js';
import { nested, residual, type OdcsProperty } from './odcs-properties.js';
import { qualityEntries } from './odcs-quality.js';

/** A product with the contract of each output port (by the path its descriptor names). */
export interface ProductSource {
  product: DataProduct;
  contracts: Record<string, unknown>;
}

const PHYSICAL: Record<string, string> = { table: 'table', stream: 'topic', file: 'file', api: 'api' };

/**
 * The product as one ODCS v3.1.0 data contract (YAML): one schema object per
 * output port. Descriptions, owner, tags, SLAs, field types and constraints,
 * keys and quality rules are written the ODCS way; what ODCS has no field for
 * (classification, tier, inputs, lineage, compatibility mode, format,
 * location, JSON Schema keywords it cannot say) travels in `customProperties`,
 * so `dmesh import odcs` gives the same product back.
 */
export function toOdcs(source: ProductSource): string {
  const { metadata, spec } = source.product;
  const doc: Record<string, unknown> = {
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: `${metadata.domain}.${metadata.name}`,
    name: metadata.title,
    version: metadata.version,
    status: 'active',
    domain: metadata.domain,
    dataProduct: metadata.name,
    description: { purpose: metadata.description },
    ...(metadata.tags && { tags: metadata.tags }),
    team: { name: metadata.owner.team, members: [{ username: metadata.owner.email, role: 'owner' }] },
    schema: spec.outputs.map((port) => schemaObject(port, source.contracts[port.contract])),
    slaProperties: spec.outputs.flatMap(slaOf),
    customProperties: [
      ...custom('classification', metadata.classification),
      ...custom('tier', metadata.tier),
      ...custom('dmeshInputs', spec.inputs),
    ],
  };
  const header = [
    `# ${doc.id}@${metadata.version} as an Open Data Contract Standard v3.1.0 contract, written by dmesh export --format odcs.`,
    '# customProperties hold what ODCS has no field for (classification, tier, inputs, lineage, compatibility mode,',
    '# format, location, and JSON Schema keywords such as enum or additionalProperties under `jsonSchema`);',
    '# dmesh import odcs reads them back into the same product.',
  ];
  return `${header.join('\n')}\n${stringify(doc, { lineWidth: 0 })}`;
}

const custom = (property: string, value: unknown) => (value === undefined ? [] : [{ property, value }]);

function schemaObject(port: OutputPort, contract: unknown): Record<string, unknown> {
  const s = (contract ?? {}) as Record<string, unknown>;
  const used = new Set<string>();
  const object: OdcsProperty = { name: port.name, physicalType: PHYSICAL[port.kind] ?? port.kind };
  if (typeof s.title === 'string') {
    object.businessName = s.title;
    used.add('title');
  }
  if (typeof s.description === 'string') {
    object.description = s.description;
    used.add('description');
  }
  if (s.type === 'object') {
    object.logicalType = 'object';
    used.add('type');
  }
  nested(s, object, used);
  placeQuality(object, port);
  const rest = residual(s, used);
  object.customProperties = [
    { property: 'dmeshKind', value: port.kind },
    { property: 'format', value: port.format },
    { property: 'location', value: port.location },
    { property: 'contractFile', value: port.contract },
    ...custom('compatibility', port.compatibility),
    ...custom('lineage', port.lineage),
    ...custom('jsonSchema', rest),
  ];
  return object;
}

/** Quality entries on the property they check (nested ones by their dotted path), else on the object. */
function placeQuality(object: OdcsProperty, port: OutputPort): void {
  for (const { field, entry } of qualityEntries(port.quality ?? [], port.name)) {
    const holder = (field && propertyAt(object, field)) || object;
    const list = (holder.quality as unknown[] | undefined) ?? [];
    holder.quality = [...list, field && holder === object ? { ...entry, description: `on ${field}` } : entry];
  }
}

function propertyAt(object: OdcsProperty, path: string): OdcsProperty | undefined {
  let holder: OdcsProperty | undefined = object;
  for (const part of path.split('.')) {
    const props = (holder?.properties ?? (holder?.items as OdcsProperty | undefined)?.properties) as
      OdcsProperty[] | undefined;
    holder = props?.find((p) => p.name === part);
  }
  return holder;
}

function slaOf(port: OutputPort): Record<string, unknown>[] {
  const sla = port.sla ?? {};
  return [
    ...(sla.freshness !== undefined ? [{ property: 'latency', value: sla.freshness, element: port.name }] : []),
    ...(sla.availability !== undefined
      ? [{ property: 'availability', value: sla.availability, unit: 'percent', element: port.name }]
      : []),
    ...(sla.completeness !== undefined
      ? [{ property: 'completeness', value: sla.completeness, unit: 'percent', element: port.name }]
      : []),
  ];
}
