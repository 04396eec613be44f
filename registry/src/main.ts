import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from './app.factory.js';
import { AuthService } from './auth/auth.service.js';
import { ensureDevAdminToken } from './auth/dev-token.js';
import { ConfigError, readConfig, type RegistryConfig } from './config.js';
import { PolicyService } from './governance/policy.service.js';
import { Drain } from './lifecycle/drain.js';
import { closeHttp, Shutdown } from './lifecycle/shutdown.js';
import { openStorage } from './lifecycle/storage.js';
import { accessLine, operations } from './ops/start-up.js';
import { PublishPipeline } from './publish/publish.pipeline.js';
import { seedDomains } from './seed/seed-domains.js';

const say = (line: string) => process.stdout.write(`${line}\n`);

/** Listening for SIGINT/SIGTERM/SIGHUP from the first line: a stop closes whatever was opened so far. */
const shutdown = new Shutdown(say);

async function main(): Promise<void> {
  shutdown.listen();
  const config = readConfig(process.env);
  const storage = await openStorage(config, shutdown, say);
  const drain = new Drain();
  const app = await createApp(storage.dataSource, {
    ide: config.ide,
    introspection: config.introspection,
    drain,
    ...operations(config),
  });
  shutdown.add('HTTP server', () => closeHttp(app, drain, config.drainMs, say));
  const devTokenFile = await bootstrap(app, config, storage.embedded);
  const port = await listen(app, config);
  printBanner(config, port, devTokenFile);
}

/** The first admin token, the local dev token (embedded only), and the demo catalog when asked for. */
async function bootstrap(app: NestFastifyApplication, config: RegistryConfig, embedded: boolean) {
  const auth = app.get(AuthService);
  if (config.bootstrapToken) await auth.ensureToken(config.bootstrapToken, 'bootstrap-admin', 'admin');
  const dev = embedded ? await ensureDevAdminToken(auth, config.dataDir) : undefined;
  if (config.seed) {
    const summary = await seedDomains(app.get(PublishPipeline), config.domainsDir, say, app.get(PolicyService));
    say(`demo catalog: ${summary.published} published, ${summary.unchanged} unchanged`);
  }
  return dev?.file;
}

/** Listens on the configured address; answers with the port bound (PORT=0 picks a free one). */
async function listen(app: NestFastifyApplication, config: RegistryConfig): Promise<number> {
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new ConfigError(
        `port ${config.port} on ${config.host} is in use (another dmesh registry?); stop it, or start with PORT=<free port>`,
      );
    }
    throw err;
  }
  return (app.getHttpServer().address() as { port: number }).port;
}

function printBanner(config: RegistryConfig, port: number, devTokenFile: string | undefined): void {
  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  say(
    [
      '',
      `dmesh registry listening on ${base}`,
      `  catalog    ${base}/   (web UI: search, products, lineage, change preview)`,
      `  GraphQL    ${base}/graphql${config.ide ? `   (IDE: ${base}/graphiql)` : ''}`,
      `  REST docs  ${base}/docs   (OpenAPI: ${base}/openapi.json)`,
      `  health     ${base}/health/ready   (metrics: ${base}/metrics)`,
      accessLine(config),
      devTokenFile
        ? `  token      admin token in ${devTokenFile}: dmesh login --registry ${base} --token "$(cat ${devTokenFile})"`
        : '  token      use DMESH_BOOTSTRAP_TOKEN as the first admin token',
      '',
    ].join('\n'),
  );
}

main().catch(async (err: unknown) => {
  const known = err instanceof ConfigError || (err instanceof Error && err.name === 'EmbeddedPostgresError');
  const text = known ? (err as Error).message : err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.stderr.write(`dmesh registry failed to start: ${text}\n`);
  await shutdown.stop('start-up failed');
  process.exit(1);
});
