import type { Command } from 'commander';
import type { RegistrySchemas } from '../../io/registry-client.js';
import { action } from '../action.js';
import { ExitCode, type CliIO } from '../io.js';
import { callRegistry, openRegistry, type RegistryFlags } from '../registry-call.js';
import { printJson } from '../render.js';
import { renderFields } from '../render-search.js';

interface FieldsOptions extends RegistryFlags {
  domain?: string;
  classification?: string;
  first?: string;
  after?: string;
  json?: boolean;
}

export function registerFieldsCommand(program: Command, io: CliIO, done: (code: number) => void): void {
  program
    .command('fields')
    .description(
      "where is a field: every product's latest port with a field of this name (or path, prefix, similar name, description words), with type, required-ness and classification",
    )
    .argument('<text...>', 'a field name or path, e.g. customer_id or address.city')
    .option('--domain <domain>', 'only products of these domains (comma-separated)')
    .option('--classification <value>', 'only fields with this x-classification, e.g. pii')
    .option('--first <n>', 'at most this many fields (1-100)', '20')
    .option('--after <cursor>', 'the page after this cursor (printed under each page)')
    .option('--json', 'print one JSON document on stdout')
    .option('--registry <url>', 'registry URL')
    .addHelpText('after', '\nExamples:\n  dmesh fields customer_id\n  dmesh fields email --classification pii --json')
    .action(
      action(io, 'fields', done, (text: string[], options: FieldsOptions) => fields(text.join(' '), options, io)),
    );
}

async function fields(text: string, options: FieldsOptions, io: CliIO): Promise<number> {
  const { client, registry } = openRegistry(options, io.env);
  const page = await callRegistry<RegistrySchemas['FieldPageDto']>(registry, () =>
    client.GET('/v1/fields', {
      params: {
        query: {
          q: text,
          domain: options.domain,
          classification: options.classification,
          first: Number(options.first),
          after: options.after,
        },
      },
    }),
  );
  const filters = (['domain', 'classification'] as const).filter((k) => options[k]).map((k) => ` --${k} ${options[k]}`);
  if (options.json) printJson(io, page);
  else renderFields(io, page, (cursor) => `dmesh fields ${JSON.stringify(text)}${filters.join('')} --after ${cursor}`);
  return ExitCode.ok;
}
