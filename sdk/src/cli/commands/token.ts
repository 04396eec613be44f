import type { Command } from 'commander';
import type { RegistrySchemas } from '../../io/registry-client.js';
import { action } from '../action.js';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { callRegistry, openRegistry, type OpenRegistry, type RegistryFlags } from '../registry-call.js';
import { printJson } from '../render.js';

type Token = RegistrySchemas['TokenDto'];
interface Options extends RegistryFlags {
  role?: string;
  domain?: string[];
  expires?: string;
  name?: string;
  json?: boolean;
}

const ROLES = ['admin', 'governance', 'publisher', 'reader', 'lineage-writer'];

/** The registry each subcommand talks to (main.ts adds --json, --quiet and --timeout to every subcommand). */
function withRegistryOptions(cmd: Command): Command {
  return cmd.option('--registry <url>', 'registry URL').option('--token <token>', 'API token of the caller');
}

/** `dmesh token create|list|revoke`: a team gets its own expiring publisher token for CI without SQL. */
export function registerTokenCommands(program: Command, io: CliIO, done: (code: number) => void): void {
  const token = program.command('token').description('create, list and revoke registry API tokens');
  withRegistryOptions(
    token
      .command('create')
      .description(
        'create a token, shown once (admins: any role; publishers: publisher tokens for their own domains, e.g. for CI)',
      )
      .requiredOption('--role <role>', ROLES.join(' | '))
      .option(
        '--domain <domain>',
        "a publisher's domain (repeat for several; '*' = every domain, admins only)",
        collect,
        [],
      )
      .option('--expires <duration>', 'lifetime: <n>h, <n>d or <n>w, at most 365d', '90d')
      .option('--name <name>', 'names the actor in the audit (default: <role>-<domains>-<time>)'),
  ).action(action(io, 'token create', done, (options: Options) => create(openRegistry(options, io.env), options, io)));
  withRegistryOptions(
    token.command('list').description('your token and the tokens it created (admins: every token)'),
  ).action(
    action(io, 'token list', done, (options: Options) => list(openRegistry(options, io.env, true), options, io)),
  );
  withRegistryOptions(
    token.command('revoke').description('revoke a token: yours, one it created, or any (admins)').argument('<id>'),
  ).action(
    action(io, 'token revoke', done, (id: string, options: Options) =>
      revoke(openRegistry(options, io.env), id, options, io),
    ),
  );
}

const collect = (value: string, previous: string[]) => [...previous, value];

async function create({ client, registry }: OpenRegistry, options: Options, io: CliIO): Promise<number> {
  if (!ROLES.includes(options.role!)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const domains = options.domain ?? [];
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
  const name = options.name ?? [options.role, ...domains.map((d) => (d === '*' ? 'all' : d)), stamp].join('-');
  const created = await callRegistry(registry, () =>
    client.POST('/v1/tokens', {
      body: { name, role: options.role as RegistrySchemas['TokenInputDto']['role'], domains, expires: options.expires },
    }),
  );
  if (options.json) printJson(io, created);
  else {
    io.out(io.color.green(`✓ token ${created.id} "${created.name}" (${describe(created)})`));
    io.out('  the token, shown this once (store it as a CI secret, e.g. DMESH_TOKEN):');
    io.out(`  ${created.token}`);
  }
  return ExitCode.ok;
}

async function list({ client, registry }: OpenRegistry, options: Options, io: CliIO): Promise<number> {
  const tokens = await callRegistry(registry, () => client.GET('/v1/tokens'));
  if (options.json) printJson(io, tokens);
  else if (!tokens.length) io.out('no tokens');
  else
    for (const t of tokens)
      io.out(
        `${t.id.padStart(5)}  ${(t.active ? io.color.green('active ') : io.color.dim(t.revokedAt ? 'revoked' : 'expired')).padEnd(7)}  ${t.name}  ${describe(t)}`,
      );
  return ExitCode.ok;
}

async function revoke({ client, registry }: OpenRegistry, id: string, options: Options, io: CliIO): Promise<number> {
  if (!/^\d+$/.test(id)) throw new UsageError(`"${id}" is not a token id; see the ids with: dmesh token list`);
  await callRegistry(registry, () => client.DELETE('/v1/tokens/{id}', { params: { path: { id } } }));
  if (options.json) printJson(io, { revoked: id });
  else io.out(io.color.green(`✓ token ${id} revoked: the registry refuses it from now on`));
  return ExitCode.ok;
}

function describe(t: Token): string {
  const domains = t.domains.length ? ` for ${t.domains.join(', ')}` : '';
  return `${t.role}${domains}, ${t.expiresAt ? `expires ${t.expiresAt.slice(0, 10)}` : 'does not expire'}`;
}
