import type { Command } from 'commander';
import { parseId } from '../../core/identifiers.js';
import type { RegistrySchemas } from '../../io/registry-client.js';
import { action } from '../action.js';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { callRegistry, openRegistry, type RegistryFlags } from '../registry-call.js';
import { printJson } from '../render.js';

type Change = RegistrySchemas['MajorLineChangeDto'];
interface Options extends RegistryFlags {
  sunset?: string;
  reason?: string;
  json?: boolean;
}

/** `<domain>.<product>@<major>`: a major line, e.g. sales.orders@1. */
function parseLine(text: string): { id: string; major: number } {
  const id = parseId(text);
  if (!id || id.port || id.field || !id.version || !/^\d+$/.test(id.version)) {
    throw new UsageError(`"${text}" is not a major line; use <domain>.<product>@<major>, e.g. sales.orders@1`);
  }
  return { id: `${id.domain}.${id.product}`, major: Number(id.version) };
}

function withRegistryOptions(cmd: Command): Command {
  return cmd
    .option('--json', 'print one JSON document on stdout')
    .option('--registry <url>', 'registry URL')
    .option('--token <token>', 'API token (publisher of the domain, or admin)');
}

export function registerLifecycleCommands(program: Command, io: CliIO, done: (code: number) => void): void {
  withRegistryOptions(
    program
      .command('deprecate')
      .description(
        'deprecate a major line: consumers still on it are listed and notified (an event each); retire it after the sunset',
      )
      .argument('<line>', '<domain>.<product>@<major>, e.g. customers.profiles@1')
      .requiredOption('--sunset <YYYY-MM-DD>', 'the day after which the line may be retired')
      .requiredOption('--reason <text>', 'why, and what consumers should move to'),
  ).action(
    action(io, 'deprecate', done, (line: string, options: Options) =>
      change('deprecate', parseLine(line), options, io),
    ),
  );
  withRegistryOptions(
    program
      .command('retire')
      .description(
        'retire a deprecated major line: refused before its sunset, or inside the deprecation window while consumers remain',
      )
      .argument('<line>', '<domain>.<product>@<major>'),
  ).action(
    action(io, 'retire', done, (line: string, options: Options) => change('retire', parseLine(line), options, io)),
  );
}

async function change(
  verb: 'deprecate' | 'retire',
  line: { id: string; major: number },
  options: Options,
  io: CliIO,
): Promise<number> {
  const { client, registry } = openRegistry(options, io.env);
  const path = { id: line.id, major: line.major };
  const result = await callRegistry<Change>(registry, () =>
    verb === 'deprecate'
      ? client.POST('/v1/products/{id}/majors/{major}/deprecate', {
          params: { path },
          body: { sunset: options.sunset!, reason: options.reason! },
        })
      : client.POST('/v1/products/{id}/majors/{major}/retire', { params: { path } }),
  );
  if (options.json) {
    printJson(io, result);
    return ExitCode.ok;
  }
  const c = io.color;
  io.out(c.green(`✓ ${line.id}@${line.major} is ${result.state}${result.sunset ? ` (sunset ${result.sunset})` : ''}`));
  io.out(
    result.consumers.length
      ? `  consumers still on ${line.major}.x${verb === 'deprecate' ? ' (notified)' : ''}:`
      : '  no consumers on this major line',
  );
  for (const consumer of result.consumers)
    io.out(
      `    ${consumer.product} reads ${consumer.port} with ${consumer.range} · ${consumer.owner.team} <${consumer.owner.email}>`,
    );
  for (const w of result.warnings) io.out(c.yellow(`  ! ${w}`));
  return ExitCode.ok;
}
