import type { Command } from 'commander';
import type { CliIO } from './io.js';

export const VERSION = '0.1.0';

/** Adds one command (or a family: deprecate + retire) to the program. */
export type Register = (program: Command, io: CliIO, done: (code: number) => void) => void;

const lifecycle = async (): Promise<Register> => (await import('./commands/lifecycle.js')).registerLifecycleCommands;

const test = async (): Promise<Register> => {
  const { registerTestCommand } = await import('./commands/test.js');
  return (program, io, done) =>
    registerTestCommand(program, io, done, {
      loadPort: async (dir, port) => (await import('./load-port.js')).loadPortForTest(dir, port),
      reportObservation: async (id, port, observation, flags) =>
        (await import('./report-observation.js')).reportObservation(io.env, id, port, observation, flags),
    });
};

/**
 * Each command's module, imported only when that command runs: `dmesh test`
 * never loads the registry client, `dmesh init` never loads ajv.
 */
export const COMMANDS: Record<string, () => Promise<Register>> = {
  init: async () => (await import('./commands/init.js')).registerInitCommand,
  validate: async () => (await import('./commands/validate.js')).registerValidateCommand,
  diff: async () => (await import('./commands/diff.js')).registerDiffCommand,
  test,
  publish: async () => (await import('./commands/publish.js')).registerPublishCommand,
  search: async () => (await import('./commands/search.js')).registerSearchCommand,
  fields: async () => (await import('./commands/fields.js')).registerFieldsCommand,
  show: async () => (await import('./commands/show.js')).registerShowCommand,
  lineage: async () => (await import('./commands/lineage.js')).registerLineageCommand,
  deprecate: lifecycle,
  retire: lifecycle,
  login: async () => (await import('./commands/login.js')).registerLoginCommand,
  token: async () => (await import('./commands/token.js')).registerTokenCommands,
  pull: async () => (await import('./commands/pull.js')).registerPullCommand,
  export: async () => (await import('./commands/export.js')).registerExportCommand,
  consume: async () => (await import('./commands/consume.js')).registerConsumeCommand,
  import: async () => (await import('./commands/import.js')).registerImportCommand,
};
