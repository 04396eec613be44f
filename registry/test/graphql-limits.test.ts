import { GraphQLObjectType, GraphQLSchema, GraphQLString, execute, getIntrospectionQuery, parse } from 'graphql';
import { createApp } from '../src/app.factory.js';
import { GRAPHQL_LIMITS } from '../src/common/graphql/graphql-limits.js';
import { Deadline, withDeadlines } from '../src/common/graphql/graphql-timeout.js';
import { graphqlContext } from '../src/app.module.js';
import { ContractsService } from '../src/contracts/contracts.service.js';
import { SearchService } from '../src/discovery/search.service.js';
import { ProductsService } from '../src/products/products.service.js';
import { createTestDatabase } from './test-database.js';

type Running = Awaited<ReturnType<typeof start>>;
let dev: Running;
let prod: Running;

/** A registry as development (IDE, introspection) or production (neither) starts it. */
async function start(development: boolean) {
  const db = await createTestDatabase();
  const app = await createApp(db.dataSource, { logger: false, ide: development, introspection: development });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    url: `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

beforeAll(async () => {
  [dev, prod] = await Promise.all([start(true), start(false)]);
});
afterAll(async () => {
  await dev.close();
  await prod.close();
});

async function post(body: unknown, url = dev.url) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: any[] } };
}

/** The request was refused with QUERY_LIMIT naming `detail`; returns the message. */
async function refused(body: unknown, detail: string, url = dev.url): Promise<string> {
  const res = await post(body, url);
  expect(res.status).toBe(400);
  const error = res.body.errors?.find((e) => e.extensions?.details?.[0]?.code === detail);
  expect(error).toMatchObject({ extensions: { code: 'QUERY_LIMIT', status: 400 } });
  return error.message;
}

/** `{ __type(name: "Product") { fields { type { ofType { … } } } } }`: `levels` deep in all. */
function typeDepth(levels: number): string {
  let inner = 'name';
  for (let k = 0; k < levels - 4; k++) inner = `ofType { ${inner} }`;
  return `{ __type(name: "Product") { fields { type { ${inner} } } } }`;
}

describe('depth', () => {
  it('lets the standard introspection query (and graphql-inspector) through where introspection is on', async () => {
    const res = await post({ query: getIntrospectionQuery() });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.__schema.queryType.name).toBe('Query');
  });

  it(`refuses more than ${GRAPHQL_LIMITS.depth} levels, through fragments and inline fragments too`, async () => {
    expect((await post({ query: typeDepth(10) })).status).toBe(200);
    expect(await refused({ query: typeDepth(11) }, 'DEPTH_LIMIT')).toBe('the query is 11 levels deep; the limit is 10');
    const viaFragments =
      '{ __type(name: "Product") { ...A } } fragment A on __Type { fields { type { ...B } } } ' +
      'fragment B on __Type { ofType { ... on __Type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } }';
    expect(await refused({ query: viaFragments }, 'DEPTH_LIMIT')).toBe('the query is 11 levels deep; the limit is 10');
  });

  it(`refuses introspection deeper than ${GRAPHQL_LIMITS.introspectionDepth}`, async () => {
    let inner = 'name';
    for (let k = 0; k < 16; k++) inner = `ofType { ${inner} }`;
    const message = await refused({ query: `{ __schema { types { ${inner} } } }` }, 'DEPTH_LIMIT');
    expect(message).toBe('the query (introspection included) is 19 levels deep; the limit is 15');
  });
});

describe('aliases, cost and batches', () => {
  const search = (alias: string, first = 5) => `${alias}: search(first: ${first}) { totalCount }`;

  it(`refuses more than ${GRAPHQL_LIMITS.aliases} aliases, counting those in fragments`, async () => {
    const fifteen = Array.from({ length: 15 }, (_, k) => search(`a${k}`)).join(' ');
    expect((await post({ query: `{ ${fifteen} }` })).status).toBe(200);
    const viaFragment = `{ ${fifteen} ...More } fragment More on Query { ${search('extra')} }`;
    expect(await refused({ query: viaFragment }, 'ALIAS_LIMIT')).toBe('the query has 16 aliases; the limit is 15');
  });

  const heavy = 'edges { node { versions { ports { quality { rule } contract { hash } } } } }';

  it(`counts list sizes from variables and defaults, through fragments, up to ${GRAPHQL_LIMITS.cost}`, async () => {
    const byVariable = `query($n: Int) { search(first: $n) { ${heavy} } }`;
    expect((await post({ query: byVariable, variables: { n: 2 } })).status).toBe(200);
    expect(await refused({ query: byVariable, variables: { n: 100 } }, 'COST_LIMIT')).toMatch(
      /^the query costs \d+; the limit is 5000 \(a list counts each item/,
    );
    const byDefault = `query($n: Int = 100) { search(first: $n) { ...Heavy } } fragment Heavy on ProductConnection { ${heavy} }`;
    await refused({ query: byDefault }, 'COST_LIMIT');
    const inline = `{ search(first: 100) { ... on ProductConnection { ${heavy} } } }`;
    await refused({ query: inline }, 'COST_LIMIT');
    const lineage = `{ a: lineage(id: "x", budget: 50000) { root } b: lineage(id: "y", budget: 10000) { root } }`;
    expect(await refused({ query: lineage }, 'COST_LIMIT')).toMatch(/^the query costs 6\d{3};/);
  });

  it('refuses a batch (a JSON array of operations)', async () => {
    const message = await refused([{ query: '{ domains { name } }' }, { query: '{ domains { name } }' }], 'BATCH_OFF');
    expect(message).toContain('the limit is one operation per request');
  });
});

describe('document limits, before parsing', () => {
  it(`refuses a document over ${GRAPHQL_LIMITS.documentBytes} bytes and a body over ${GRAPHQL_LIMITS.bodyBytes}`, async () => {
    const padded = `{ domains { name } } ${'#'.repeat(40_000)}`;
    expect(await refused({ query: padded }, 'DOCUMENT_TOO_LARGE')).toBe(
      `the GraphQL document is ${padded.length} bytes; the limit is 32768`,
    );
    const res = await post({ query: '{ domains { name } }', variables: { pad: 'x'.repeat(600_000) } });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]).toMatchObject({
      message: 'the request body is over 524288 bytes, the limit',
      extensions: { code: 'QUERY_LIMIT' },
    });
  });

  it(`refuses more than ${GRAPHQL_LIMITS.tokens} tokens, and a literal nested thousands deep`, async () => {
    const many = `{ ${'x '.repeat(4100)}}`;
    expect(await refused({ query: many }, 'TOO_MANY_TOKENS')).toBe(
      'the GraphQL document has more than 4000 tokens, the limit',
    );
    const nested = `{ search(filter: { domain: ${'['.repeat(5000)}"x"${']'.repeat(5000)} }) { totalCount } }`;
    expect(await refused({ query: nested }, 'NESTED_TOO_DEEP')).toBe(
      'the GraphQL document nests brackets more than 64 deep, the limit',
    );
  });
});

describe('production (introspection off)', () => {
  it('refuses introspection, naming the switch, and suggests no field names', async () => {
    const message = await refused({ query: getIntrospectionQuery() }, 'INTROSPECTION_OFF', prod.url);
    expect(message).toBe('introspection (__schema) is off on this registry');
    const typo = await post({ query: '{ domains { nme } }' }, prod.url);
    expect(typo.body.errors?.[0].message).toBe('Cannot query field "nme" on type "Domain".');
    const devTypo = await post({ query: '{ domains { nme } }' });
    expect(devTypo.body.errors?.[0].message).toContain('Did you mean "name"?');
  });

  it('serves no IDE', async () => {
    expect((await fetch(`${prod.url}/graphiql`)).status).toBe(404);
  });
});

describe('per-request deadline', () => {
  const slow = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        slow: { type: GraphQLString, resolve: () => new Promise((r) => setTimeout(() => r('late'), 3000).unref()) },
        fast: { type: GraphQLString, resolve: () => 'now' },
      },
    }),
  });
  const schema = withDeadlines(slow);

  it('answers TIMEOUT (detail QUERY_TIMEOUT) naming the limit when a resolver runs past it, and keeps what finished', async () => {
    const deadline = new Deadline(20);
    const started = Date.now();
    const result = await execute({ schema, document: parse('{ fast slow }'), contextValue: { deadline } });
    expect(Date.now() - started).toBeLessThan(2000); // the resolver alone takes 3000 ms
    expect(result.data).toEqual({ fast: 'now', slow: null });
    expect(result.errors?.[0]).toMatchObject({
      message: 'the GraphQL request ran longer than its limit of 20 ms',
      extensions: { code: 'TIMEOUT', status: 503, details: [expect.objectContaining({ code: 'QUERY_TIMEOUT' })] },
    });
    deadline.clear();
  });

  it('gives every registry request a deadline of the configured limit', () => {
    const context = graphqlContext(
      dev.app.get(ProductsService),
      dev.app.get(ContractsService),
      dev.app.get(SearchService),
    )();
    expect(context.deadline).toBeInstanceOf(Deadline);
    expect(context.deadline.error().message).toBe(
      `the GraphQL request ran longer than its limit of ${GRAPHQL_LIMITS.timeoutMs} ms`,
    );
    context.deadline.clear();
  });
});
