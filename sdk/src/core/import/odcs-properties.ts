type Schema = Record<string, unknown>;
type Property = Record<string, unknown>;

const FROM_LOGICAL: Record<string, Schema> = {
  date: { type: 'string', format: 'date' },
  timestamp: { type: 'string', format: 'date-time' },
  time: { type: 'string', format: 'time' },
};
const ANNOTATIONS: Record<string, string> = {
  primaryKey: 'x-primary-key',
  unique: 'x-unique',
  classification: 'x-classification',
};

export function customProperty(holder: unknown, name: string): unknown {
  const list = (holder as { customProperties?: unknown } | undefined)?.customProperties;
  if (!Array.isArray(list)) return undefined;
  return (list.find((c) => (c as { property?: unknown })?.property === name) as { value?: unknown } | undefined)?.value;
}

/** An ODCS property (or array item) as a JSON Schema node; its `jsonSchema` custom property has the last word. */
export function schemaOf(p: Property): Schema {
  const s: Schema = {};
  const logical = typeof p.logicalType === 'string' ? p.logicalType : undefined;
  if (logical) Object.assign(s, FROM_LOGICAL[logical] ?? { type: logical });
  const options = (p.logicalTypeOptions ?? {}) as Schema;
  for (const [k, v] of Object.entries(options)) if (k !== 'required') s[k] = v;
  if (typeof p.businessName === 'string') s.title = p.businessName;
  if (typeof p.description === 'string') s.description = p.description;
  for (const [odcs, keyword] of Object.entries(ANNOTATIONS))
    if (p[odcs] !== undefined && p[odcs] !== false) s[keyword] = p[odcs];
  if (Array.isArray(p.examples)) s.examples = p.examples;
  Object.assign(s, objectPart(p));
  if (p.items && typeof p.items === 'object') s.items = schemaOf(p.items as Property);
  const residual = customProperty(p, 'jsonSchema');
  return residual && typeof residual === 'object' && !Array.isArray(residual) ? { ...s, ...residual } : s;
}

/** `properties` and `required` of an object from its ODCS properties. */
export function objectPart(p: Property): Schema {
  if (!Array.isArray(p.properties)) return {};
  const props = p.properties as Property[];
  const required = props.filter((c) => c.required === true).map((c) => String(c.name));
  return {
    ...(!p.logicalType && { type: 'object' }),
    properties: Object.fromEntries(props.map((c) => [String(c.name), schemaOf(c)])),
    ...(required.length && { required }),
  };
}
