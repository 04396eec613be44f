import type { FastifyReply, FastifyRequest } from 'fastify';
import { isHeavy } from '../src/common/http/bulkhead.js';
import { sendError } from '../src/common/http/send-error.js';
import { RequestError } from '../src/common/registry-error.js';

const request = (method: string, url: string) => ({ method, routeOptions: { url } }) as unknown as FastifyRequest;

describe('the heavy-read bulkhead', () => {
  it('takes searches (products and fields), GraphQL and lineage walks; not single reads, writes or health', () => {
    const heavy = [
      ['GET', '/v1/products'],
      ['GET', '/v1/fields'],
      ['POST', '/graphql'],
      ['GET', '/graphql'],
      ['GET', '/v1/lineage/products/:id'],
    ];
    const light = [
      ['GET', '/v1/products/:id'],
      ['POST', '/v1/products/:id/versions'],
      ['GET', '/v1/domains'],
      ['GET', '/health/ready'],
      ['GET', '/graphiql'],
    ];
    expect(heavy.filter(([m, u]) => !isHeavy(request(m, u)))).toEqual([]);
    expect(light.filter(([m, u]) => isHeavy(request(m, u)))).toEqual([]);
  });
});

describe('a refusal at /graphql', () => {
  /** The parts of a Fastify reply sendError uses, recording what it was given. */
  const reply = (url: string) => {
    const sent: { status?: number; headers: Record<string, string>; body?: unknown } = { headers: {} };
    const fake = {
      request: { routeOptions: { url } },
      header: (k: string, v: string) => ((sent.headers[k] = v), fake),
      code: (s: number) => ((sent.status = s), fake),
      type: () => fake,
      send: (b: unknown) => ((sent.body = b), fake),
    };
    return { fake: fake as unknown as FastifyReply, sent };
  };
  const busy = () => new RequestError('BUSY', 'too many at once', [{ code: 'HEAVY_READS_BUSY', message: 'x' }]);

  it('is a GraphQL response with the code, status and Retry-After; elsewhere the common error body', () => {
    const graphql = reply('/graphql');
    sendError(graphql.fake, busy());
    expect(graphql.sent).toEqual({
      status: 503,
      headers: { 'retry-after': '1' },
      body: {
        data: null,
        errors: [
          {
            message: 'too many at once',
            extensions: {
              code: 'BUSY',
              status: 503,
              details: [{ code: 'HEAVY_READS_BUSY', message: 'x' }],
              retryAfter: 1,
            },
          },
        ],
      },
    });
    const rest = reply('/v1/products');
    sendError(rest.fake, busy());
    expect(rest.sent.body).toEqual({
      code: 'BUSY',
      message: 'too many at once',
      details: [{ code: 'HEAVY_READS_BUSY', message: 'x' }],
    });
  });
});
