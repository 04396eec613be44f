import type { Command } from 'commander';
import { parseId } from '../../core/identifiers.js';
import { renderDot, renderMermaid, renderTree, type LineageGraphView } from '../../core/lineage/render.js';
import type { RegistrySchemas } from '../../io/registry-client.js';
import { action } from '../action.js';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { callRegistry, openRegistry, type RegistryFlags } from '../registry-call.js';
import { printJson } from '../render.js';

type Graph = RegistrySchemas['LineageGraphDto'];
const FORMATS = ['tree', 'mermaid', 'dot', 'json'] as const;

interface LineageOptions extends RegistryFlags {
  upstream?: boolean;
  downstream?: boolean;
  depth: string;
  format: string;
  json?: boolean;
}

export function registerLineageCommand(program: Command, io: CliIO, done: (code: number) => void): void {
  program
    .command('lineage')
    .description(
      'show where a data product comes from and what depends on it (both directions unless --upstream or --downstream)',
    )
    .argument('<id>', '<domain>.<product>, e.g. sales.orders')
    .option('--upstream', 'only what it reads, transitively')
    .option('--downstream', 'only what reads it, transitively')
    .option('--depth <n>', 'hops to follow, 1–50', '5')
    .option(
      '--format <format>',
      `${FORMATS.join(' | ')}: a readable tree, a Mermaid flowchart, Graphviz DOT, or the registry's graph`,
      'tree',
    )
    .option('--json', 'same as --format json')
    .option('--registry <url>', 'registry URL')
    .addHelpText(
      'after',
      [
        '',
        'Default: a tree of both directions, 5 hops deep. The registry stops at 5,000 nodes and says so.',
        'Examples:',
        '  dmesh lineage customers.profiles --downstream',
        '  dmesh lineage marketing.campaign-performance --upstream --format mermaid > lineage.mmd',
        '  dmesh lineage sales.orders --format dot | dot -Tsvg > lineage.svg',
        '',
        'Exit codes: 0 shown, 1 unknown product (404), 2 bad usage, 3 registry unreachable.',
      ].join('\n'),
    )
    .action(action(io, 'lineage', done, (id: string, options: LineageOptions) => lineage(id, options, io)));
}

async function lineage(text: string, options: LineageOptions, io: CliIO): Promise<number> {
  const id = parseId(text);
  if (!id || id.port || id.field || id.version)
    throw new UsageError(`"${text}" is not a product id; use <domain>.<product>, e.g. sales.orders`);
  if (options.upstream && options.downstream)
    throw new UsageError('give --upstream or --downstream, not both (neither shows both directions)');
  const depth = Number(options.depth);
  if (!Number.isInteger(depth) || depth < 1 || depth > 50)
    throw new UsageError(`--depth must be a whole number from 1 to 50, got "${options.depth}"`);
  const format = options.json ? 'json' : options.format;
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`unknown --format "${format}"; use ${FORMATS.join(', ')}`);
  const direction = options.upstream ? 'UPSTREAM' : options.downstream ? 'DOWNSTREAM' : 'BOTH';
  const { client, registry } = openRegistry(options, io.env);
  const graph = await callRegistry<Graph>(registry, () =>
    client.GET('/v1/lineage/products/{id}', {
      params: { path: { id: `${id.domain}.${id.product}` }, query: { direction, depth } },
    }),
  );
  if (format === 'json') printJson(io, graph);
  else if (format === 'mermaid') io.out(renderMermaid(graph as LineageGraphView));
  else if (format === 'dot') io.out(renderDot(graph as LineageGraphView));
  else
    for (const line of renderTree(graph as LineageGraphView, { bold: io.color.bold, dim: io.color.dim })) io.out(line);
  return ExitCode.ok;
}
