import type { Command } from 'commander';
import { CONSUMER_KINDS, isConsumerKind, parseConsumerId } from '../../core/consumers/consumer-id.js';
import { parseId } from '../../core/identifiers.js';
import type { RegistrySchemas } from '../../io/registry-client.js';
import { action } from '../action.js';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { parsePortRef } from '../published-port.js';
import { callRegistry, openRegistry, type RegistryFlags } from '../registry-call.js';
import { printJson } from '../render.js';

type Consumer = RegistrySchemas['ExternalConsumerDto'];

interface ConsumeOptions extends RegistryFlags {
  as?: string;
  fields?: string;
  kind?: string;
  expires?: string;
  description?: string;
  ownerTeam?: string;
  ownerEmail?: string;
  remove?: boolean;
  list?: boolean;
  domain?: string;
  json?: boolean;
}

export function registerConsumeCommand(program: Command, io: CliIO, done: (code: number) => void): void {
  program
    .command('consume')
    .description(
      'register a consumer outside the mesh (dashboard, ML job, notebook, service) and the fields it reads of a port',
    )
    .argument('[port]', '<domain>.<product>/<port>@<range>, e.g. sales.orders/orders@^1.0.0')
    .option('--as <consumer>', '<domain>.<name> (or <domain>:<kind>/<name>): the consumer, owned by that domain')
    .option(
      '--fields <a,b>',
      'the fields it reads, comma-separated (dotted for nesting); impact then names it only for these',
    )
    .option('--kind <kind>', `${CONSUMER_KINDS.join('|')} (required for a new consumer)`)
    .option(
      '--expires <YYYY-MM-DD>',
      'the day after which the registration lapses: it then no longer holds up a retirement',
    )
    .option('--description <text>', 'what it is, for its readers')
    .option('--owner-team <team>', "who to talk to (default: the domain's owner)")
    .option('--owner-email <email>', 'their email')
    .option('--remove', 'stop registering the read of this port (without a port: the whole consumer)')
    .option('--list', 'list the consumers outside the mesh (of --domain)')
    .option('--domain <domain>', 'with --list: only this domain')
    .option('--json', 'print one JSON document on stdout')
    .option('--registry <url>', 'registry URL')
    .option('--token <token>', 'API token (publisher of the consumer domain, or admin)')
    .addHelpText(
      'after',
      '\nConsumer ids are <domain>:<kind>/<name>, e.g. finance:dashboard/exec-kpis (never a product id).\nExamples:\n  dmesh consume sales.orders/orders@^1.0.0 --as finance.exec-kpis --kind dashboard --fields order_id,total_amount\n  dmesh consume sales.orders/orders --as finance.exec-kpis --remove\n  dmesh consume --list --domain finance',
    )
    .action(
      action(io, 'consume', done, (port: string | undefined, options: ConsumeOptions) => consume(port, options, io)),
    );
}

async function consume(portText: string | undefined, options: ConsumeOptions, io: CliIO): Promise<number> {
  const { client, registry } = openRegistry(options, io.env, options.list);
  if (options.list) {
    const query = options.domain ? { domain: options.domain } : {};
    const list = await callRegistry(registry, () => client.GET('/v1/lineage/consumers', { params: { query } }));
    if (options.json) printJson(io, list);
    else if (!list.length) io.out('no consumers outside the mesh registered');
    else list.forEach((c) => printConsumer(io, c));
    return ExitCode.ok;
  }
  const who = consumerKey(options.as);
  if (options.remove) return remove(portText, who, options, io);
  if (!portText)
    throw new UsageError(
      'give the port it reads: dmesh consume <domain>.<product>/<port>@<range> --as <domain>.<name> --fields a,b',
    );
  const ref = parsePortRef(portText);
  if (!ref.range) throw new UsageError(`give the versions it reads: ${portText}@^<major>.0.0, e.g. ${portText}@^1.0.0`);
  if (options.kind && who.kind && options.kind !== who.kind)
    throw new UsageError(`--kind ${options.kind} contradicts --as ${options.as}; give the kind once`);
  const kind = options.kind ?? who.kind;
  if (kind !== undefined && !isConsumerKind(kind))
    throw new UsageError(`--kind ${kind}: use one of ${CONSUMER_KINDS.join(', ')}`);
  const fields = (options.fields ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const owner =
    options.ownerTeam || options.ownerEmail ? { team: options.ownerTeam, email: options.ownerEmail } : undefined;
  const body = {
    versionRange: ref.range,
    fields,
    ...(kind && { kind }),
    ...(options.expires && { expires: options.expires }),
    ...(options.description && { description: options.description }),
    ...(owner && { owner }),
  };
  const [product, port] = [ref.product, ref.port];
  const result = await callRegistry(registry, () =>
    client.PUT('/v1/lineage/consumers/{domain}/{name}/reads/{product}/{port}', {
      params: { path: { ...who, product, port } },
      body,
    }),
  );
  if (options.json) printJson(io, result);
  else {
    io.out(io.color.green(`✓ ${result.id} registered as a consumer of ${ref.product}/${ref.port}`));
    printConsumer(io, result);
  }
  return ExitCode.ok;
}

async function remove(
  portText: string | undefined,
  who: { domain: string; name: string },
  options: ConsumeOptions,
  io: CliIO,
): Promise<number> {
  const { client, registry } = openRegistry(options, io.env);
  const ref = portText ? parsePortRef(portText) : undefined;
  await callRegistry(registry, () =>
    ref
      ? client.DELETE('/v1/lineage/consumers/{domain}/{name}/reads/{product}/{port}', {
          params: { path: { ...who, product: ref.product, port: ref.port } },
        })
      : client.DELETE('/v1/lineage/consumers/{domain}/{name}', { params: { path: who } }),
  );
  const what = ref ? `its read of ${ref.product}/${ref.port}` : 'it and all its reads';
  if (options.json)
    printJson(io, {
      removed: { consumer: `${who.domain}.${who.name}`, ...(ref && { port: `${ref.product}/${ref.port}` }) },
    });
  else io.out(io.color.green(`✓ ${who.domain}.${who.name}: removed ${what}`));
  return ExitCode.ok;
}

/** `--as finance.exec-kpis` or `--as finance:dashboard/exec-kpis`. */
function consumerKey(text: string | undefined): { domain: string; name: string; kind?: string } {
  const full = text ? parseConsumerId(text) : undefined;
  if (full) return full;
  const id = text ? parseId(text) : undefined;
  if (!id || id.port || id.version || id.field)
    throw new UsageError(
      `--as ${text ?? '(missing)'}: name the consumer as <domain>.<name>, e.g. --as finance.exec-kpis (owned by domain finance)`,
    );
  return { domain: id.domain, name: id.product };
}

function printConsumer(io: CliIO, c: Consumer): void {
  const dim = io.color.dim;
  io.out(
    `${io.color.bold(c.id)} ${dim(`(${c.kind}; owner ${c.owner.team} <${c.owner.email}>)`)}${c.description ? ` ${c.description}` : ''}`,
  );
  for (const r of c.reads) {
    const resolved = r.resolvedVersion ? ` → ${r.resolvedVersion}` : ' → no version in range';
    const until = r.expires ? ` until ${r.expires}${r.expired ? io.color.yellow(' (lapsed)') : ''}` : '';
    io.out(
      `  reads ${r.port} ${r.versionRange}${resolved}: ${r.fields.length ? r.fields.join(', ') : 'any field'}${until}`,
    );
  }
}
