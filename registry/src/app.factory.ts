import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { AppModule, type AppOptions } from './app.module.js';
import {
  configureHttp,
  FASTIFY_OPTIONS,
  keepRegistryErrorHandler,
  type HttpHooks,
} from './common/http/configure-http.js';
import { contractTooDeep } from './contracts/contract.errors.js';
import { addStandardResponses } from './common/openapi/standard-responses.js';
import { describeErrorCodes } from './common/registry-error.js';
import { loggerOptions, type LogDestination } from './ops/logger.js';
import { PinoNestLogger } from './ops/nest-logger.js';
import type { OpsConfig } from './ops/ops-config.js';
import { serveWebUi } from './web/web-ui.js';

export function buildOpenApi(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('dmesh registry')
    .setDescription('Publish data product versions, read the catalog. Discovery queries are GraphQL at /graphql.')
    .setVersion('1')
    .setOpenAPIVersion('3.1.0')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config, { operationIdFactory: (_controller, method) => method });
  describeErrorBody(document);
  addStandardResponses(document);
  return document;
}

/** The error body's `code` lists every code with its status and meaning, from the contexts' declarations. */
function describeErrorBody(document: OpenAPIObject): void {
  const code = document.components?.schemas?.ErrorDto as { properties?: Record<string, { description?: string }> };
  if (code?.properties?.code) code.properties.code.description = `Machine code:\n${describeErrorCodes()}`;
}

export interface CreateAppOptions extends HttpHooks, Pick<AppOptions, 'access' | 'ops' | 'introspection'> {
  ide?: boolean;
  logger?: boolean;
  /** Structured logs (pino through Fastify), to stdout or a test's destination. */
  log?: Pick<OpsConfig, 'logLevel' | 'logFormat' | 'trustProxy'> & { destination?: LogDestination };
}

/**
 * Builds the Nest application (not listening). Signals are not Nest's: the
 * registry's entry point drains and stops in order (lifecycle/shutdown.ts).
 */
export async function createApp(
  dataSource: DataSource,
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const proxy = options.log?.trustProxy;
  const log = options.log && {
    ...loggerOptions(options.log, options.log.destination),
    ...(proxy !== undefined && { trustProxy: /^\d+$/.test(String(proxy)) ? (Number(proxy) as never) : proxy }),
  };
  const adapter = new FastifyAdapter({ ...FASTIFY_OPTIONS, ...log });
  keepRegistryErrorHandler(adapter);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({
      dataSource,
      ide: options.ide ?? false,
      introspection: options.introspection,
      access: options.access,
      ops: options.ops,
    }),
    adapter,
    { logger: options.logger === false ? false : ['error', 'warn'], abortOnError: false, bodyParser: false },
  );
  if (log) app.useLogger(new PinoNestLogger(app.getHttpAdapter().getInstance().log));
  configureHttp(adapter.getInstance(), { tooDeep: contractTooDeep, ...options });
  // After the URL guard, drain and bulkhead, so the page's routes pass them too.
  serveWebUi(adapter.getInstance(), { ide: options.ide ?? false });
  const document = buildOpenApi(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', raw: ['json'] });
  await app.init();
  return app;
}
