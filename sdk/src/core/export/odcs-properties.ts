/**
 * JSON Schema properties as ODCS v3.1 properties, and back (import/odcs.ts):
 * what ODCS says natively (logicalType, logicalTypeOptions, required,
 * primaryKey, unique, classification, description, examples, items, nested
 * properties) is written natively; every other keyword of the property stays
 * as it was in the `jsonSchema` custom property, so importing the file gives
 * the same contract.
 */

type Schema = Record<string, unknown>;
export type OdcsProperty = Record<string, unknown>;

const LOGICAL = new Set(['string', 'integer', 'number', 'boolean', 'object', 'array']);
const DATE_FORMATS: Record<string, string> = { date: 'date', 'date-time': 'timestamp', time: 'time' };
const OPTIONS: Record<string, string[]> = {
  string: ['minLength', 'maxLength', 'pattern', 'format'],
  integer: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  number: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  array: ['minItems', 'maxItems', 'uniqueItems'],
};
const ANNOTATION_KEYS: Record<string, string> = {
  'x-primary-key': 'primaryKey',
  'x-unique': 'unique',
  'x-classification': 'classification',
};

/** The native ODCS keys of one schema node; `used` collects the JSON Schema keywords they carry. */
export function nativeOf(s: Schema, used: Set<string>): OdcsProperty {
  const out: OdcsProperty = {};
  const type = typeof s.type === 'string' && LOGICAL.has(s.type) ? s.type : undefined;
  if (type) used.add('type');
  const dateType = type === 'string' && typeof s.format === 'string' ? DATE_FORMATS[s.format] : undefined;
  if (type) out.logicalType = dateType ?? type;
  if (dateType) used.add('format');
  const options: Schema = {};
  for (const key of OPTIONS[type ?? ''] ?? []) {
    if (s[key] === undefined || used.has(key) || !validOption(key, s[key])) continue;
    options[key] = s[key];
    used.add(key);
  }
  if (Object.keys(options).length) out.logicalTypeOptions = options;
  if (typeof s.description === 'string') {
    out.description = s.description;
    used.add('description');
  }
  if (typeof s.title === 'string') {
    out.businessName = s.title;
    used.add('title');
  }
  for (const [key, odcs] of Object.entries(ANNOTATION_KEYS)) {
    const value = s[key];
    if ((key === 'x-classification' && typeof value === 'string') || (key !== 'x-classification' && value === true)) {
      out[odcs] = value;
      used.add(key);
    }
  }
  if (Array.isArray(s.examples)) {
    out.examples = s.examples;
    used.add('examples');
  }
  return out;
}

function validOption(key: string, value: unknown): boolean {
  if (key === 'pattern' || key === 'format') return typeof value === 'string';
  if (key === 'uniqueItems') return typeof value === 'boolean';
  return typeof value === 'number';
}

/** The properties of an object schema as ODCS properties (nested objects and array items recursively). */
export function propertiesOf(s: Schema): OdcsProperty[] {
  const props = s.properties;
  if (!props || typeof props !== 'object') return [];
  const required = Array.isArray(s.required) ? (s.required as string[]) : [];
  return Object.entries(props as Record<string, unknown>).map(([name, prop]) =>
    propertyOf(name, prop, required.includes(name)),
  );
}

function propertyOf(name: string, prop: unknown, required: boolean): OdcsProperty {
  if (!prop || typeof prop !== 'object') return { name, customProperties: [{ property: 'jsonSchema', value: prop }] };
  const s = prop as Schema;
  const used = new Set<string>();
  const out: OdcsProperty = { name, ...nativeOf(s, used), ...(required && { required: true }) };
  nested(s, out, used);
  const rest = residual(s, used);
  if (rest) out.customProperties = [{ property: 'jsonSchema', value: rest }];
  return out;
}

/** Nested properties of an object and the items of an array, natively where their shape allows. */
export function nested(s: Schema, out: OdcsProperty, used: Set<string>): void {
  if (s.type === 'object' && s.properties && typeof s.properties === 'object') {
    out.properties = propertiesOf(s);
    used.add('properties');
    if (requiredInOrder(s)) used.add('required');
  }
  if (s.type === 'array' && s.items && typeof s.items === 'object' && !Array.isArray(s.items)) {
    const items = s.items as Schema;
    const itemUsed = new Set<string>();
    const item: OdcsProperty = { ...nativeOf(items, itemUsed) };
    nested(items, item, itemUsed);
    const rest = residual(items, itemUsed);
    if (rest) item.customProperties = [{ property: 'jsonSchema', value: rest }];
    out.items = item;
    used.add('items');
  }
}

/** `required` is said by each property's `required: true` when it lists them in property order. */
export function requiredInOrder(s: Schema): boolean {
  if (s.required === undefined) return true;
  const names = Object.keys((s.properties as Schema) ?? {});
  const required = s.required as unknown[];
  return Array.isArray(required) && required.join('\n') === names.filter((n) => required.includes(n)).join('\n');
}

/** The keywords of a node ODCS did not carry natively, or undefined when there are none. */
export function residual(s: Schema, used: Set<string>): Schema | undefined {
  const rest = Object.fromEntries(Object.entries(s).filter(([k]) => !used.has(k)));
  return Object.keys(rest).length ? rest : undefined;
}
