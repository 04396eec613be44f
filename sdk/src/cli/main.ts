import { Command, CommanderError } from 'commander';
import { reportFailure } from './errors.js';
import { ExitCode, processIO, quietIO, type CliIO } from './io.js';
import { COMMANDS, VERSION } from './commands.js';

const DESCRIPTION = 'dmesh: scaffold, validate, test and publish data products; search the catalog.';
const FOOTER = `
Every command takes --json (one JSON document on stdout, failures included),
--quiet (nothing on stdout but --json or --ci annotations; errors still on stderr) and
--timeout <seconds> for registry requests (default 30).

Registry and token: --registry/--token, else DMESH_REGISTRY_URL/DMESH_TOKEN,
else what \`dmesh login\` stored, else http://localhost:4000.

Exit codes:
  0  success
  1  the answer is no: incompatible, rejected, failed test, 401/403/404/409/422
  2  usage error or bad input: unknown option, unreadable file, invalid YAML/JSON/schema, 400
  3  the registry could not be reached, did not answer in time, or answered 5xx

Set DMESH_DEBUG=1 to see the stack of an unexpected error.
Start with: dmesh init sales.returns`;

function configure(command: Command, io: CliIO): Command {
  return command
    .exitOverride()
    .configureOutput({ writeOut: (t) => io.out(t.trimEnd()), writeErr: (t) => io.err(t.trimEnd()) });
}

/** Options every command takes; a command may already define --json with its own help text. */
function addCommonOptions(command: Command): void {
  if (!command.options.some((o) => o.long === '--json'))
    command.option('--json', 'print one JSON document on stdout (also when the command fails)');
  command.option(
    '--quiet',
    'print nothing on stdout but a --json document or --ci annotations; errors still on stderr',
  );
  if (!command.options.some((o) => o.long === '--timeout'))
    command.option('--timeout <seconds>', 'how long one registry request may take (default 30)');
}

/**
 * The program with the commands `argv` needs: only the invoked command's module
 * is imported (start-up time is most of a short `dmesh test`); help, version and
 * unknown commands load them all.
 */
export async function buildProgram(io: CliIO, done: (code: number) => void, argv: string[] = []): Promise<Command> {
  const program = configure(
    new Command('dmesh')
      .description(DESCRIPTION)
      .version(VERSION)
      .addHelpText('after', FOOTER)
      .showHelpAfterError('(run with --help for usage)'),
    io,
  );
  const wanted = COMMANDS[argv[0]] ? [COMMANDS[argv[0]]] : [...new Set(Object.values(COMMANDS))];
  for (const load of wanted) (await load())(program, io, done);
  for (const command of program.commands) {
    // Options belong to the command that runs: a family (`dmesh token create`) gets them on each subcommand.
    for (const leaf of command.commands.length ? command.commands : [command]) addCommonOptions(leaf);
    for (const sub of [command, ...command.commands]) configure(sub, io);
  }
  return program;
}

/** Runs the CLI and returns its exit code; only bin/dmesh.js touches process.exitCode. */
export async function main(argv: string[], base: CliIO = processIO()): Promise<number> {
  const json = argv.includes('--json') || argv.includes('--format=json');
  const io = argv.includes('--quiet') ? quietIO(base, json) : base;
  const command = argv[0] && !argv[0].startsWith('-') ? argv[0] : '';
  let code: number = ExitCode.ok;
  try {
    const program = await buildProgram(io, (c) => (code = c), argv);
    if (!argv.length) {
      io.out(program.helpInformation());
      return ExitCode.usage;
    }
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0; unknown options, missing arguments and bad values are usage errors.
      if (err.exitCode === 0) return ExitCode.ok;
      if (json)
        io.out(JSON.stringify({ error: { code: 'USAGE', message: err.message.replace(/^error: /, '') } }, null, 2));
      return ExitCode.usage;
    }
    return reportFailure(io, command, err, json);
  }
}
