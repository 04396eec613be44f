import { kebabCase } from './errors.js';
import { schemaOfDataType } from './dbt-columns.js';
import {
  checkManifest,
  modelOf,
  portOfRef,
  productIdOf,
  ruleOfTest,
  selectModels,
  versionOf,
  type DbtContext,
  type DbtImportOptions,
  type DbtModel,
  type DbtProduct,
} from './dbt.js';

/** Every selected model as a product; a versioned model's earlier versions as its releases. */
export function fromDbtManifest(manifest: unknown, options: DbtImportOptions = {}): DbtProduct[] {
  const ctx = checkManifest(manifest, options);
  const byName = new Map<string, DbtModel[]>();
  for (const m of selectModels(ctx.models, options.select))
    byName.set(`${m.package_name}.${m.name}`, [...(byName.get(`${m.package_name}.${m.name}`) ?? []), m]);
  return [...byName.values()].map((versions) => {
    const sorted = versions.sort((a, b) => Number(a.version ?? 0) - Number(b.version ?? 0));
    const latest = sorted.find((m) => String(m.version) === String(m.latest_version)) ?? sorted.at(-1)!;
    const current = productOf(ctx, latest);
    const releases = sorted.filter((m) => m !== latest).map((m) => ({ version: versionOf(m), ...productOf(ctx, m) }));
    return { ...current, notes: [...current.notes, ...releases.flatMap((r) => r.notes)], releases };
  });
}

function productOf(ctx: DbtContext, model: DbtModel) {
  const { domain, name, id } = productIdOf(ctx, model);
  const notes: string[] = [];
  const note = (text: string) => notes.push(`${id}@${versionOf(model)}: ${text}`);
  const contractFile = `contracts/${name}.schema.json`;
  const inputs = inputsOf(ctx, model, note);
  const port = {
    name,
    kind: 'table',
    format:
      ctx.manifest.metadata.adapter_type === 'postgres'
        ? 'postgresql'
        : (ctx.manifest.metadata.adapter_type ?? 'table'),
    location: `${ctx.manifest.metadata.adapter_type ?? 'warehouse'}://${model.database ?? 'warehouse'}/${model.schema}.${model.alias ?? model.name}`,
    contract: contractFile,
    ...lineageOf(ctx, model, inputs, note),
    ...qualityOf(ctx, model, note),
  };
  if (model.access === 'private') note('private in dbt (only its group may ref it): check it should be a data product');
  const descriptor = {
    apiVersion: 'dmesh.io/v1',
    kind: 'DataProduct',
    metadata: metadataOf(ctx, model, domain, name, note),
    spec: { ...(inputs.length && { inputs: inputs.map((i) => i.input) }), outputs: [port] },
  };
  return { id, descriptor, contracts: { [contractFile]: contractOf(model, note) }, notes };
}

function metadataOf(ctx: DbtContext, model: DbtModel, domain: string, name: string, note: (t: string) => void) {
  const group = Object.values(ctx.manifest.groups ?? {}).find((g) => g.name === model.group);
  const email = group?.owner?.email ?? (model.meta?.owner as string | undefined);
  if (!email) note('no group owner: owner set to a placeholder; edit metadata.owner');
  const description = model.description?.trim() || `dbt model ${model.name}.`;
  if (!model.description?.trim()) note('no description in dbt: add one (metadata.description)');
  const classification = (model.meta?.classification ?? model.config?.meta?.classification) as string | undefined;
  return {
    domain,
    name,
    version: versionOf(model),
    title: model.name.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase()),
    description,
    owner: {
      team: kebabCase(group?.owner?.name ?? group?.name ?? `${domain}-team`),
      email: email ?? `${domain}@example.com`,
    },
    tags: [...new Set(['dbt', ...(model.tags ?? []).map(kebabCase)])],
    classification: classification ?? 'internal',
  };
}

interface Input {
  node: string;
  model: DbtModel;
  input: { product: string; port: string; version: string };
}

function inputsOf(ctx: DbtContext, model: DbtModel, note: (t: string) => void): Input[] {
  const out: Input[] = [];
  for (const node of model.depends_on?.nodes ?? []) {
    const upstream = modelOf(ctx, node);
    if (!upstream) {
      if (node.startsWith('source.'))
        note(`reads source ${node.split('.').slice(2).join('.')} (not a data product: no input port)`);
      continue;
    }
    const { id, name } = productIdOf(ctx, upstream);
    out.push({ node, model: upstream, input: { product: id, port: name, version: `^${versionOf(upstream)}` } });
  }
  return out;
}

/** Column `meta.lineage: [<model>.<column>]` → field lineage, for upstream models this model reads. */
function lineageOf(ctx: DbtContext, model: DbtModel, inputs: Input[], note: (t: string) => void) {
  const lineage: Record<string, string[]> = {};
  for (const column of Object.values(model.columns ?? {})) {
    const sources = (column.meta?.lineage ?? []) as unknown[];
    const refs = sources.flatMap((s) => {
      const [upstreamName, field] = String(s).split(/\.(?=[^.]+$)/);
      const input = inputs.find((i) => i.model.name === upstreamName.replace(/\.v\d+$/, ''));
      if (!input || !field) {
        note(`lineage ${column.name} <- ${String(s)}: not a column of a model it reads`);
        return [];
      }
      return [`${input.input.product}/${input.input.port}#${field}`];
    });
    if (refs.length) lineage[column.name] = refs;
  }
  return Object.keys(lineage).length ? { lineage } : {};
}

function qualityOf(ctx: DbtContext, model: DbtModel, note: (t: string) => void) {
  const quality = ctx.tests
    .filter((t) => t.attached_node === model.unique_id)
    .flatMap((t) => {
      const rule = ruleOfTest(t, (ref) => portOfRef(ctx, ref));
      if (!rule)
        note(
          `test ${t.test_metadata?.namespace ? `${t.test_metadata.namespace}.` : ''}${t.test_metadata?.name ?? t.unique_id} has no dmesh rule: left out`,
        );
      return rule ? [rule] : [];
    });
  return quality.length ? { quality } : {};
}

function contractOf(model: DbtModel, note: (t: string) => void): Record<string, unknown> {
  const columns = Object.values(model.columns ?? {});
  const enforced = Boolean(model.contract?.enforced ?? model.config?.contract?.enforced);
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const c of columns) {
    const typed = schemaOfDataType(c.data_type);
    if (!typed) note(`column ${c.name}: data type ${c.data_type ?? '(none)'} read as any value`);
    const constraints = (c.constraints ?? []).map((k) => k.type);
    properties[c.name] = {
      ...(typed ?? {}),
      ...(c.description && { description: c.description }),
      ...(constraints.includes('primary_key') && { 'x-primary-key': true }),
    };
    if (constraints.includes('not_null') || constraints.includes('primary_key')) required.push(c.name);
  }
  if (!enforced) note('contract not enforced in dbt: the contract leaves further columns open');
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: model.name,
    ...(model.description?.trim() && { description: model.description.trim() }),
    type: 'object',
    additionalProperties: !enforced,
    properties,
    ...(required.length && { required }),
  };
}
