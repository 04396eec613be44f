import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import {
  configureHttp,
  FASTIFY_OPTIONS,
  keepRegistryErrorHandler,
  type HttpHooks,
} from './common/http/configure-http.js';
import { addStandardResponses } from './common/openapi/standard-responses.js';
import { describeErrorCodes } from './common/registry-error.js';

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

export interface CreateAppOptions extends HttpHooks {
  ide?: boolean;
  logger?: boolean;
}

/**
 * Builds the Nest application (not listening). Signals are not Nest's: the
 * registry's entry point drains and stops in order (lifecycle/shutdown.ts).
 */
export async function createApp(
  dataSource: DataSource,
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter(FASTIFY_OPTIONS);
  keepRegistryErrorHandler(adapter);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({ dataSource, ide: options.ide ?? false }),
    adapter,
    { logger: options.logger === false ? false : ['error', 'warn'], abortOnError: false, bodyParser: false },
  );
  configureHttp(adapter.getInstance(), options);
  const document = buildOpenApi(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', raw: ['json'] });
  await app.init();
  return app;
}
