import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { describeErrorCodes } from './common/registry-error.js';
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
  return document;
}

/** The error body's `code` lists every code with its status and meaning, from the contexts' declarations. */
function describeErrorBody(document: OpenAPIObject): void {
  const code = document.components?.schemas?.ErrorDto as { properties?: Record<string, { description?: string }> };
  if (code?.properties?.code) code.properties.code.description = `Machine code:\n${describeErrorCodes()}`;
}

/** Builds the Nest application (not listening). */
export async function createApp(
  dataSource: DataSource,
  options: { ide?: boolean; introspection?: boolean; logger?: boolean } = {},
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({ dataSource, ide: options.ide ?? false, introspection: options.introspection }),
    new FastifyAdapter({ bodyLimit: 8 * 1024 * 1024 }),
    { logger: options.logger === false ? false : ['error', 'warn'], abortOnError: false },
  );
  serveWebUi(app.getHttpAdapter().getInstance());
  const document = buildOpenApi(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', raw: ['json'] });
  app.enableShutdownHooks();
  await app.init();
  return app;
}
