import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AppModule } from '../src/app.module.js';
import { AuthService } from '../src/auth/auth.service.js';
import { CLOCK, ManualClock } from '../src/common/clock.js';
import type { RunningRegistry } from './app-harness.js';
import { publishRequest } from './fixtures.js';
import { createTestDatabase } from './test-database.js';

export const HOUR = 3_600_000;
export const T0 = new Date('2026-03-02T10:00:00.000Z');

export interface SlaRegistry extends RunningRegistry {
  clock: ManualClock;
  post(path: string, body: unknown, token?: string | null): Promise<{ status: number; body: any }>;
  get(path: string): Promise<{ status: number; body: any }>;
  events(action: string, subject?: string): Promise<{ subject: string; detail: any }[]>;
}

/** The real registry (as app-harness.ts boots it) with CLOCK overridden by a clock the test moves. */
export async function startSlaRegistry(start: Date = T0): Promise<SlaRegistry> {
  const clock = new ManualClock(start);
  const db = await createTestDatabase();
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.register({ dataSource: db.dataSource, ide: false })],
  })
    .overrideProvider(CLOCK)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
  await app.init();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const token = AuthService.newToken();
  await app.get(AuthService).ensureToken(token, 'test-admin', 'admin');
  const call = async (method: string, path: string, body?: unknown, auth: string | null = token) => {
    const res = await fetch(url + path, {
      method,
      ...(body !== undefined && { body: JSON.stringify(body) }),
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(auth && { authorization: `Bearer ${auth}` }),
      },
    });
    return { status: res.status, body: await res.json() };
  };
  return {
    app,
    db,
    url,
    token,
    clock,
    graphql: async (query, variables) => (await call('POST', '/graphql', { query, variables }, null)).body as never,
    post: (path, body, auth) => call('POST', path, body, auth === undefined ? token : auth),
    get: (path) => call('GET', path),
    events: (action, subject) =>
      db.dataSource.query(
        `SELECT subject, detail FROM events WHERE action = $1 AND ($2::text IS NULL OR subject = $2) ORDER BY id`,
        [action, subject ?? null],
      ),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** Publishes a small product whose one port promises `sla`. */
export async function publishWithSla(
  r: SlaRegistry,
  domain: string,
  name: string,
  sla: Record<string, unknown>,
  extraPorts: string[] = [],
): Promise<void> {
  const request = publishRequest({ domain, name });
  const outputs = request.descriptor.spec.outputs as Record<string, unknown>[];
  outputs[0].sla = sla;
  for (const port of extraPorts) outputs.push({ ...outputs[0], name: port, location: `s3://lake/${domain}/${port}/` });
  const res = await r.post(`/v1/products/${domain}.${name}/versions`, request);
  if (res.status !== 201) throw new Error(`publish ${domain}.${name}: ${res.status} ${JSON.stringify(res.body)}`);
}

/** An observation `minutesAgo` before the clock, with data last updated `lagMinutes` before that. */
export function observation(
  r: SlaRegistry,
  o: {
    minutesAgo?: number;
    lagMinutes?: number;
    availability?: boolean;
    completeness?: number;
    rowCount?: number;
  } = {},
) {
  const time = r.clock.now().getTime() - (o.minutesAgo ?? 0) * 60_000;
  return {
    time: new Date(time).toISOString(),
    lastUpdate: new Date(time - (o.lagMinutes ?? 0) * 60_000).toISOString(),
    rowCount: o.rowCount ?? 1000,
    completeness: o.completeness ?? 100,
    quality: [{ rule: 'row_count', passed: true, failed: 0 }],
    availability: o.availability ?? true,
  };
}
