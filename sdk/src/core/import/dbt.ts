import { ImportError, kebabCase, type ImportedProduct } from './errors.js';
import { schemaOfDataType, type DbtColumn } from './dbt-columns.js';
import { parseRef, ruleOfTest, type DbtTest } from './dbt-tests.js';

/** A model node of the manifest (v12 `nodes.model.*`), the fields the import reads. */
export interface DbtModel {
  unique_id: string;
  resource_type: 'model';
  name: string;
  package_name: string;
  database?: string | null;
  schema?: string | null;
  alias?: string;
  description?: string;
  tags?: string[];
  meta?: Record<string, unknown>;
  group?: string | null;
  access?: string;
  version?: number | string | null;
  latest_version?: number | string | null;
  columns?: Record<string, DbtColumn>;
  config?: { contract?: { enforced?: boolean }; materialized?: string; meta?: Record<string, unknown> };
  contract?: { enforced?: boolean };
  depends_on?: { nodes?: string[] };
}

interface Manifest {
  metadata: { dbt_schema_version?: string; project_name?: string | null; adapter_type?: string | null };
  nodes: Record<string, DbtModel | DbtTest | { resource_type: string }>;
  groups?: Record<string, { name: string; owner?: { email?: string | null; name?: string | null } }>;
}

export interface DbtImportOptions {
  /** `--select`: model names, `tag:<t>`, `group:<g>`, `access:<a>`; absent: every model. */
  select?: string[];
  /** The domain of models in no group (default: the project name). */
  domain?: string;
}

export interface DbtProduct extends ImportedProduct {
  /** Earlier versions of a versioned model, oldest first (written under releases/<version>/). */
  releases: { version: string; descriptor: Record<string, unknown>; contracts: Record<string, unknown> }[];
}

export interface DbtContext {
  manifest: Manifest;
  models: DbtModel[];
  tests: DbtTest[];
  domain: string;
}

/**
 * A dbt manifest (schema v10–v12) as dmesh product folders: one product per
 * model (a versioned model's versions are the product's versions), its
 * contract from the model's columns, quality rules from its tests, inputs
 * from `depends_on`, field lineage from column `meta.lineage`, the owner from
 * its group. See dbt-product.ts for the mapping of one model.
 */
export function checkManifest(manifest: unknown, options: DbtImportOptions): DbtContext {
  const m = manifest as Manifest;
  const version = /manifest\/v(\d+)\.json$/.exec(m?.metadata?.dbt_schema_version ?? '')?.[1];
  if (!version || Number(version) < 10 || Number(version) > 12 || typeof m.nodes !== 'object')
    throw new ImportError(
      `not a dbt manifest of schema v10–v12 (dbt_schema_version ${m?.metadata?.dbt_schema_version ?? 'missing'})`,
      '/metadata/dbt_schema_version',
      'pass target/manifest.json from dbt 1.6 or later (dbt parse writes it)',
    );
  const all = Object.values(m.nodes);
  const models = all.filter((n): n is DbtModel => n.resource_type === 'model');
  const tests = all.filter((n): n is DbtTest => n.resource_type === 'test');
  const domain = kebabCase(options.domain ?? m.metadata.project_name ?? 'dbt');
  return { manifest: m, models, tests, domain };
}

/** The models `--select` picks (by name, tag, group or access). */
export function selectModels(models: DbtModel[], select: string[] | undefined): DbtModel[] {
  const tokens = (select ?? []).flatMap((s) => s.split(/[\s,]+/)).filter(Boolean);
  if (!tokens.length) return models;
  const matches = (m: DbtModel, token: string): boolean => {
    const [method, value] = token.includes(':') ? token.split(':', 2) : ['name', token];
    if (method === 'name') return m.name === value || m.unique_id === value;
    if (method === 'tag') return (m.tags ?? []).includes(value);
    if (method === 'group') return m.group === value;
    if (method === 'access') return m.access === value;
    throw new ImportError(
      `--select ${token}: unknown method "${method}"`,
      '--select',
      'use a model name, tag:<t>, group:<g> or access:<a>',
    );
  };
  const picked = models.filter((m) => tokens.some((t) => matches(m, t)));
  if (!picked.length)
    throw new ImportError(
      `--select ${tokens.join(' ')} picks no model`,
      '--select',
      `models are: ${[...new Set(models.map((m) => m.name))].join(', ')}`,
    );
  return picked;
}

export function productIdOf(ctx: DbtContext, model: DbtModel): { domain: string; name: string; id: string } {
  const domain = model.group ? kebabCase(model.group) : ctx.domain;
  const name = kebabCase(model.name);
  return { domain, name, id: `${domain}.${name}` };
}

/** The product version of a model: `<v>.0.0` for a versioned model, else 1.0.0. */
export function versionOf(model: Pick<DbtModel, 'version'>): string {
  const v = Number(model.version);
  return model.version !== null && model.version !== undefined && Number.isInteger(v) && v >= 0 ? `${v}.0.0` : '1.0.0';
}

/** The model a ref or a node id names (a versioned ref: that version; else the latest). */
export function modelOf(ctx: DbtContext, ref: { name: string; version?: number } | string): DbtModel | undefined {
  if (typeof ref === 'string') return ctx.models.find((m) => m.unique_id === ref);
  const same = ctx.models.filter((m) => m.name === ref.name);
  if (ref.version !== undefined) return same.find((m) => Number(m.version) === ref.version);
  return (
    same.find((m) => m.version === null || m.version === undefined || String(m.version) === String(m.latest_version)) ??
    same.at(-1)
  );
}

/** `ref('customers', v=2)` → `customers.customers/customers`. */
export function portOfRef(ctx: DbtContext, text: string): string | undefined {
  const ref = parseRef(text);
  const model = ref && modelOf(ctx, ref);
  if (!model) return undefined;
  const { id, name } = productIdOf(ctx, model);
  return `${id}/${name}`;
}

export { ruleOfTest, schemaOfDataType };
