import { readFileSync } from 'node:fs';

/** The JSON Schemas this package owns, by short name. Files live in `schemas/`. */
export const SCHEMA_NAMES = ['dataproduct', 'domain', 'observation', 'openlineage-run-event', 'policy'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

/** How our own schemas are compiled, at build time (dist/validators/) and at run time alike. */
export const OWN_SCHEMA_OPTIONS = { strict: true, allErrors: true, discriminator: true } as const;

const cache = new Map<string, Record<string, unknown>>();

export function schemaPath(name: string): URL {
  return new URL(`../schemas/${name}.schema.json`, import.meta.url);
}

/** Loads a schema document (read once, then shared). */
export function loadSchema(name: SchemaName | string): Record<string, unknown> {
  let schema = cache.get(name);
  if (!schema) {
    schema = JSON.parse(readFileSync(schemaPath(name), 'utf8')) as Record<string, unknown>;
    cache.set(name, schema);
  }
  return schema;
}
