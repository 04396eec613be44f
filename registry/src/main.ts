import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { AuthService } from './auth/auth.service.js';
import { ensureDevAdminToken } from './auth/dev-token.js';
import { ConfigError, readConfig } from './config.js';
import { openDatabase } from './database/data-source.js';
import { EmbeddedPostgresError, startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres.js';
import { PolicyService } from './governance/policy.service.js';
import { PublishPipeline } from './publish/publish.pipeline.js';
import { seedDomains } from './seed/seed-domains.js';

/** Stopped on any start-up failure too, so a failed start never leaves PostgreSQL running. */
let embedded: EmbeddedDatabase | undefined;

async function main(): Promise<void> {
  const config = readConfig(process.env);
  if (!config.databaseUrl) {
    process.stdout.write(`starting embedded PostgreSQL in ${config.dataDir}/postgres …\n`);
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir });
  }
  const dataSource = await openDatabase(config.databaseUrl ?? embedded!.url);
  const app = await createApp(dataSource, { ide: config.ide, introspection: config.introspection });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping the registry …\n`);
    await app.close().catch(() => undefined);
    await dataSource.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const auth = app.get(AuthService);
  if (config.bootstrapToken) await auth.ensureToken(config.bootstrapToken, 'bootstrap-admin', 'admin');
  const dev = embedded ? await ensureDevAdminToken(auth, config.dataDir) : undefined;
  if (config.seed) {
    const summary = await seedDomains(
      app.get(PublishPipeline),
      config.domainsDir,
      (line) => process.stdout.write(line + '\n'),
      app.get(PolicyService),
    );
    process.stdout.write(`demo catalog: ${summary.published} published, ${summary.unchanged} unchanged\n`);
  }
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await app.close().catch(() => undefined);
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new ConfigError(
        `port ${config.port} on ${config.host} is in use (another dmesh registry?); stop it, or start with PORT=<free port>`,
      );
    }
    throw err;
  }
  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  process.stdout.write(
    [
      '',
      `dmesh registry listening on ${base}`,
      `  catalog    ${base}/   (web UI: search, products, lineage, change preview)`,
      `  GraphQL    ${base}/graphql${config.ide ? `   (IDE: ${base}/graphiql)` : ''}`,
      `  REST docs  ${base}/docs   (OpenAPI: ${base}/openapi.json)`,
      `  health     ${base}/health/ready`,
      dev
        ? `  token      admin token in ${dev.file}: dmesh login --registry ${base} --token "$(cat ${dev.file})"`
        : '  token      use DMESH_BOOTSTRAP_TOKEN as the first admin token',
      '',
    ].join('\n'),
  );
}

main().catch(async (err: unknown) => {
  const known = err instanceof ConfigError || err instanceof EmbeddedPostgresError;
  process.stderr.write(
    `dmesh registry failed to start: ${known ? (err as Error).message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  await embedded?.stop().catch(() => undefined);
  process.exit(1);
});
