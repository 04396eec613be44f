import type { Command } from 'commander';
import type { RegistrySchemas } from '../../io/registry-client.js';
import { action } from '../action.js';
import { ExitCode, type CliIO } from '../io.js';
import { callRegistry, openRegistry, type RegistryFlags } from '../registry-call.js';
import { printJson } from '../render.js';
import { renderSearch } from '../render-search.js';

interface SearchOptions extends RegistryFlags {
  domain?: string;
  tag?: string;
  owner?: string;
  field?: string;
  sla?: string;
  status?: string;
  /** Checked by the registry, which names the orders it knows (400, exit 2). */
  sort?: 'relevance' | 'name' | 'recent' | 'consumed';
  first?: string;
  after?: string;
  json?: boolean;
}

export function registerSearchCommand(program: Command, io: CliIO, done: (code: number) => void): void {
  program
    .command('search')
    .description(
      'find data products, best first: words in names, titles, tags, descriptions and fields (typos forgiven), filters',
    )
    .argument('[text...]', 'words that must all match (the last one also as a prefix)')
    .option('--domain <domain>', 'only these domains (comma-separated)')
    .option('--tag <tag>', 'only products with one of these tags (comma-separated)')
    .option('--owner <team>', 'only products of these owner teams (comma-separated)')
    .option('--field <name>', 'only products whose contract has this field (e.g. customer_id or address.city)')
    .option('--sla <status>', 'only products with a port in this SLA status now: met, at_risk, breached, unknown')
    .option('--status <status>', 'only products whose latest major line is active, deprecated or retired')
    .option('--sort <order>', 'relevance (default), name, recent or consumed')
    .option('--first <n>', 'at most this many results (1-100)', '20')
    .option('--after <cursor>', 'the page after this cursor (printed under each page)')
    .option('--json', 'print one JSON document on stdout')
    .option('--registry <url>', 'registry URL')
    .addHelpText(
      'after',
      '\nExamples:\n  dmesh search orders\n  dmesh search revenue --domain finance --sla met\n  dmesh search --field customer_id --json',
    )
    .action(
      action(io, 'search', done, (text: string[], options: SearchOptions) => search(text.join(' '), options, io)),
    );
}

/** The same command for the next page, as the user can paste it. */
function nextCommand(text: string, options: SearchOptions, cursor: string): string {
  const flags = (['domain', 'tag', 'owner', 'field', 'sla', 'status', 'sort'] as const)
    .filter((k) => options[k])
    .map((k) => `--${k} ${options[k]}`);
  const words = text ? `${JSON.stringify(text)} ` : '';
  return `dmesh search ${words}${[...flags, `--after ${cursor}`].join(' ')}`;
}

async function search(text: string, options: SearchOptions, io: CliIO): Promise<number> {
  const { client, registry } = openRegistry(options, io.env);
  const page = await callRegistry<RegistrySchemas['ProductPageDto']>(registry, () =>
    client.GET('/v1/products', {
      params: {
        query: {
          ...(text && { q: text }),
          domain: options.domain,
          tag: options.tag,
          owner: options.owner,
          field: options.field,
          slaStatus: options.sla,
          status: options.status,
          sort: options.sort,
          first: Number(options.first),
          after: options.after,
        },
      },
    }),
  );
  if (options.json) printJson(io, page);
  else renderSearch(io, page, (cursor) => nextCommand(text, options, cursor));
  return ExitCode.ok;
}
