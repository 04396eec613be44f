import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../src/app.factory.js';
import { AuthService } from '../src/auth/auth.service.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface RunningRegistry {
  app: NestFastifyApplication;
  db: TestDatabase;
  url: string;
  token: string;
  graphql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  close(): Promise<void>;
}

/**
 * The real registry on a fresh database, listening on a free loopback port, with an admin token.
 * By default as in development (anonymous reads on) without a rate limit; `options` sets production
 * access, a rate limit or a log destination.
 */
export async function startRegistry(options: Parameters<typeof createApp>[1] = {}): Promise<RunningRegistry> {
  const db = await createTestDatabase();
  const app = await createApp(db.dataSource, { logger: false, ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const token = AuthService.newToken();
  await app.get(AuthService).ensureToken(token, 'test-admin', 'admin');
  return {
    app,
    db,
    url,
    token,
    graphql: async (query, variables) => {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return res.json() as never;
    },
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
