import type { Command } from 'commander';
import { parseId } from '../../core/identifiers.js';
import type { RegistrySchemas } from '../../io/registry-client.js';
import { action } from '../action.js';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { callRegistry, openRegistry, type RegistryFlags } from '../registry-call.js';
import { printJson } from '../render.js';
import { printCompatibility } from '../render-compat.js';

type Detail = RegistrySchemas['ProductDetailDto'];
type Version = RegistrySchemas['VersionDetailDto'];

interface ShowOptions extends RegistryFlags {
  json?: boolean;
}

export function registerShowCommand(program: Command, io: CliIO, done: (code: number) => void): void {
  program
    .command('show')
    .description(
      'show a data product (or one version): owner, versions, major lines, ports with contracts and SLAs, inputs, consumers',
    )
    .argument('<id>', '<domain>.<product>[@<version>], e.g. sales.orders or sales.orders@1.1.0')
    .option('--json', 'print one JSON document on stdout')
    .option('--registry <url>', 'registry URL')
    .action(action(io, 'show', done, (id: string, options: ShowOptions) => show(id, options, io)));
}

async function show(text: string, options: ShowOptions, io: CliIO): Promise<number> {
  const id = parseId(text);
  if (!id || id.port || id.field)
    throw new UsageError(`"${text}" is not a product id; use <domain>.<product>[@<version>], e.g. sales.orders@1.0.0`);
  const { client, registry } = openRegistry(options, io.env);
  const productId = `${id.domain}.${id.product}`;
  if (id.version) {
    const version = await callRegistry<Version>(registry, () =>
      client.GET('/v1/products/{id}/versions/{version}', {
        params: { path: { id: productId, version: id.version! } },
      }),
    );
    if (options.json) printJson(io, version);
    else printVersion(io, version);
  } else {
    const product = await callRegistry<Detail>(registry, () =>
      client.GET('/v1/products/{id}', { params: { path: { id: productId } } }),
    );
    if (options.json) printJson(io, product);
    else printProduct(io, product);
  }
  return ExitCode.ok;
}

function printProduct(io: CliIO, p: Detail): void {
  const c = io.color;
  io.out(`${c.bold(p.id)}  ${p.title}`);
  io.out(`  ${p.description}`);
  io.out(
    `  owner ${p.owner.team} <${p.owner.email}> · ${p.classification} · ${p.tier}${p.tags.length ? ` · tags: ${p.tags.join(', ')}` : ''}`,
  );
  io.out(
    `  versions: ${p.versions.map((v) => (v.version === p.latestVersion ? c.bold(v.version) : v.version)).join(', ')}`,
  );
  for (const line of p.majorLines) {
    io.out(
      `  major ${line.major}: ${line.state === 'active' ? c.green(line.state) : c.yellow(line.state)}${line.sunset ? ` (sunset ${line.sunset})` : ''}${line.reason ? ` — ${line.reason}` : ''}${line.consumers.length ? ` · consumers: ${line.consumers.join(', ')}` : ''}`,
    );
  }
  printVersion(io, p.latest, '  ');
  io.out(
    `  consumers: ${p.consumers.length ? p.consumers.map((x) => `${x.product} (${x.port} ${x.versionRange})`).join(', ') : 'none'}`,
  );
}

function printSlaStatus(io: CliIO, s: NonNullable<Version['outputs'][number]['slaStatus']>, indent: string): void {
  const paint =
    s.status === 'met'
      ? io.color.green
      : s.status === 'unknown'
        ? io.color.dim
        : s.status === 'at_risk'
          ? io.color.yellow
          : io.color.red;
  io.out(
    `${indent}sla status ${paint(s.status)} (${s.measures.observations} observation(s) in ${s.window.duration}, evaluated ${s.evaluatedAt})`,
  );
  for (const reason of s.reasons) io.out(`${indent}  ${reason.message}`);
}

function printVersion(io: CliIO, v: Version, indent = ''): void {
  const c = io.color;
  io.out(`${indent}${c.bold(`${v.product}@${v.version}`)} published ${v.publishedAt} by ${v.publishedBy}`);
  for (const port of v.outputs) {
    const fields = Object.keys((port.contract.properties as Record<string, unknown> | undefined) ?? {});
    io.out(
      `${indent}  port ${c.bold(port.name)}: ${port.kind}/${port.format} at ${port.location} · ${port.compatibility}`,
    );
    if (port.sla)
      io.out(
        `${indent}    sla ${Object.entries(port.sla)
          .map(([k, val]) => `${k} ${String(val)}`)
          .join(', ')}`,
      );
    if (port.slaStatus) printSlaStatus(io, port.slaStatus, `${indent}    `);
    io.out(`${indent}    fields ${fields.join(', ')}`);
  }
  for (const input of v.inputs)
    io.out(`${indent}  input ${input.product}/${input.port} ${input.versionRange} → ${input.resolvedVersion ?? '?'}`);
  const compat = v.compatibility as { requiredBump?: string; ports?: Record<string, unknown> };
  if (compat.requiredBump && compat.requiredBump !== 'none') {
    io.out(`${indent}  compatibility: ${compat.requiredBump} change`);
    printCompatibility(io, compat.ports, (t) => io.out(indent + t));
  }
}
