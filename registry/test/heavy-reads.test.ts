import type { FastifyRequest } from 'fastify';
import { isHeavy } from '../src/common/http/bulkhead.js';

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
