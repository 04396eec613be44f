import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createDataSource } from './database/data-source.js';
import { buildOpenApi, createApp } from './app.factory.js';

/**
 * Renders the OpenAPI document and GraphQL SDL from the application itself. The
 * DataSource is never connected: building the schema needs no database.
 */
export async function renderApiDocs(): Promise<{ openapi: string; sdl: string }> {
  const app = await createApp(createDataSource('postgres://unused@127.0.0.1:1/unused'), { logger: false });
  try {
    const openapi = JSON.stringify(buildOpenApi(app), null, 2) + '\n';
    const sdl = printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema)) + '\n';
    return { openapi, sdl };
  } finally {
    await app.close();
  }
}
