import { Command, CommanderError } from 'commander';
import { registerFieldsCommand } from './commands/fields.js';
import { registerInitCommand } from './commands/init.js';
import { registerLifecycleCommands } from './commands/lifecycle.js';
import { registerLineageCommand } from './commands/lineage.js';
import { registerLoginCommand } from './commands/login.js';
import { registerPublishCommand } from './commands/publish.js';
import { registerSearchCommand } from './commands/search.js';
import { registerShowCommand } from './commands/show.js';
import { registerDiffCommand } from './commands/diff.js';
import { registerTestCommand } from './commands/test.js';
import { registerValidateCommand } from './commands/validate.js';
import { ExitCode, processIO, UsageError, type CliIO } from './io.js';
import { loadPortForTest } from './load-port.js';
import { reportObservation } from './report-observation.js';

const DESCRIPTION = 'dmesh: scaffold, validate, test and publish data products; search the catalog.';
const FOOTER = `
Registry and token: --registry/--token, else DMESH_REGISTRY_URL/DMESH_TOKEN,
else what \`dmesh login\` stored, else http://localhost:4000.

Exit codes:
  0  success
  1  the answer is no: incompatible, rejected, failed test, 401/403/404/409/422
  2  usage error or bad input: unknown option, unreadable file, invalid YAML/JSON/schema, 400
  3  the registry could not be reached or answered 5xx

Start with: dmesh init sales.returns`;

export function buildProgram(io: CliIO, done: (code: number) => void): Command {
  const program = new Command('dmesh')
    .description(DESCRIPTION)
    .version('0.1.0')
    .addHelpText('after', FOOTER)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (t) => io.out(t.trimEnd()), writeErr: (t) => io.err(t.trimEnd()) });
  registerInitCommand(program, io, done);
  registerValidateCommand(program, io, done);
  registerDiffCommand(program, io, done);
  registerTestCommand(program, io, done, {
    loadPort: loadPortForTest,
    reportObservation: (id, port, observation, flags) => reportObservation(io.env, id, port, observation, flags),
  });
  registerPublishCommand(program, io, done);
  registerSearchCommand(program, io, done);
  registerFieldsCommand(program, io, done);
  registerShowCommand(program, io, done);
  registerLineageCommand(program, io, done);
  registerLifecycleCommands(program, io, done);
  registerLoginCommand(program, io, done);
  for (const command of program.commands)
    command
      .exitOverride()
      .configureOutput({ writeOut: (t) => io.out(t.trimEnd()), writeErr: (t) => io.err(t.trimEnd()) });
  return program;
}

/** Runs the CLI and returns its exit code; only bin/dmesh.js touches process.exitCode. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  let code: number = ExitCode.ok;
  const program = buildProgram(io, (c) => (code = c));
  if (!argv.length) {
    io.out(program.helpInformation());
    return ExitCode.usage;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0; unknown options, missing arguments and bad values are usage errors.
      return err.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (err instanceof UsageError) {
      io.err(io.color.red(`dmesh: ${err.message}`));
      return ExitCode.usage;
    }
    io.err(io.color.red(`dmesh: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
    return ExitCode.no;
  }
}
