import type { Command } from 'commander';
import type { RegistrySchemas } from '../../io/registry-client.js';
import { action } from '../action.js';
import { ExitCode, type CliIO } from '../io.js';
import { callRegistry, openRegistry, type RegistryFlags } from '../registry-call.js';
import { printJson } from '../render.js';

interface SearchOptions extends RegistryFlags {
  domain?: string;
  tag?: string;
  field?: string;
  first?: string;
  json?: boolean;
}

export function registerSearchCommand(program: Command, io: CliIO, done: (code: number) => void): void {
  program
    .command('search')
    .description('find data products by text (names, titles, descriptions, tags, field names), domain, tag or field')
    .argument('[text...]', 'words that must all appear')
    .option('--domain <domain>', 'only this domain')
    .option('--tag <tag>', 'only products with this tag')
    .option('--field <name>', 'only products whose contract has this field (e.g. customer_id or address.city)')
    .option('--first <n>', 'at most this many results (1-100)', '20')
    .option('--json', 'print one JSON document on stdout')
    .option('--registry <url>', 'registry URL')
    .addHelpText(
      'after',
      '\nExamples:\n  dmesh search orders\n  dmesh search --domain sales --tag revenue\n  dmesh search --field customer_id --json',
    )
    .action(
      action(io, 'search', done, (text: string[], options: SearchOptions) => search(text.join(' '), options, io)),
    );
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
          field: options.field,
          first: Number(options.first),
        },
      },
    }),
  );
  if (options.json) {
    printJson(io, page);
    return ExitCode.ok;
  }
  if (!page.items.length) {
    io.out('no products match');
    return ExitCode.ok;
  }
  const width = Math.max(...page.items.map((p) => p.id.length + p.latestVersion.length + 1));
  for (const p of page.items) {
    io.out(
      `${io.color.bold(`${p.id}@${p.latestVersion}`.padEnd(width))}  ${p.title} ${io.color.dim(`· ${p.owner.team} · ${p.classification} · ${p.tier}${p.tags.length ? ` · ${p.tags.join(', ')}` : ''}`)}`,
    );
  }
  io.out(
    io.color.dim(
      `${page.items.length} of ${page.totalCount} product(s)${page.nextCursor ? ' — use --first to see more' : ''}`,
    ),
  );
  return ExitCode.ok;
}
