import type { Command } from 'commander';
import { parseId } from '../../core/identifiers.js';
import { createRegistryClient, type RegistrySchemas } from '../../io/registry-client.js';
import { resolveRegistrySettings } from '../../io/credentials.js';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { callRegistry, printRegistryError, RegistryCallError } from '../registry-call.js';
import { printJson } from '../render.js';

type Change = RegistrySchemas['MajorLineChangeDto'];
interface Options {
  sunset?: string;
  reason?: string;
  json?: boolean;
  registry?: string;
  token?: string;
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
  ).action(async (line: string, options: Options) => done(await change('deprecate', parseLine(line), options, io)));
  withRegistryOptions(
    program
      .command('retire')
      .description(
        'retire a deprecated major line: refused before its sunset, or inside the deprecation window while consumers remain',
      )
      .argument('<line>', '<domain>.<product>@<major>'),
  ).action(async (line: string, options: Options) => done(await change('retire', parseLine(line), options, io)));
}

async function change(
  action: 'deprecate' | 'retire',
  line: { id: string; major: number },
  options: Options,
  io: CliIO,
): Promise<number> {
  const settings = resolveRegistrySettings(options, io.env);
  const client = createRegistryClient({ baseUrl: settings.registry, ...(settings.token && { token: settings.token }) });
  const path = { id: line.id, major: line.major };
  try {
    const result = await callRegistry<Change>(settings.registry, () =>
      action === 'deprecate'
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
    io.out(
      c.green(`✓ ${line.id}@${line.major} is ${result.state}${result.sunset ? ` (sunset ${result.sunset})` : ''}`),
    );
    io.out(
      result.consumers.length
        ? `  consumers still on ${line.major}.x${action === 'deprecate' ? ' (notified)' : ''}:`
        : '  no consumers on this major line',
    );
    for (const consumer of result.consumers)
      io.out(
        `    ${consumer.product} reads ${consumer.port} with ${consumer.range} · ${consumer.owner.team} <${consumer.owner.email}>`,
      );
    for (const w of result.warnings) io.out(c.yellow(`  ! ${w}`));
    return ExitCode.ok;
  } catch (err) {
    if (!(err instanceof RegistryCallError)) throw err;
    if (options.json) printJson(io, { error: err.body ?? { message: err.message } });
    printRegistryError(io, action, err);
    return err.exitCode;
  }
}
