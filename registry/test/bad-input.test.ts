import { startRegistry, type RunningRegistry } from './app-harness.js';
import { answered, call, hasCommonBody, type Outcome } from './process/http-client.js';

/**
 * The bad inputs that answered 500 (or a body without details) when the
 * registry was attacked, each now a 4xx with the common error body naming
 * what is wrong.
 */
let registry: RunningRegistry;

beforeAll(async () => {
  registry = await startRegistry();
});
afterAll(() => registry.close());

const get = (path: string) => call(`${registry.url}${path}`, 'GET');
const send = (method: string, path: string, body?: string) =>
  call(`${registry.url}${path}`, method, body, registry.token);

function expectAnswer(o: Outcome, status: number, code: string, detail?: { code: string; path?: string }): void {
  expect(answered(o) && o.status).toBe(status);
  expect(hasCommonBody(o)).toBe(true);
  const body = (o as { body: { code: string; details: { code: string; path?: string }[] } }).body;
  expect(body.code).toBe(code);
  if (detail) expect(body.details[0]).toMatchObject(detail);
}

describe('bad input', () => {
  it.each([
    ['/v1/products/%00', 'BAD_PATH', 'path'],
    ['/v1/products?q=%00', 'BAD_PARAMETER', 'q'],
    ['/v1/products?q=%ED%A0%80', 'BAD_PARAMETER', 'q'],
    ['/v1/products?q=a&q=b', 'REPEATED_PARAMETER', 'q'],
    ['/v1/lineage/products/sales.orders?direction=UPSTREAM&direction=DOWNSTREAM', 'REPEATED_PARAMETER', 'direction'],
    ['/v1/products?first=', 'BAD_PARAMETER', 'first'],
    ['/v1/lineage/products/sales.orders?fieldLevel=4.79e307', 'BAD_PARAMETER', 'fieldLevel'],
    ['/v1/lineage/products/sales.orders?depth=1e1', 'BAD_PARAMETER', 'depth'],
    ['/v1/products?__proto__=1', 'FORBIDDEN_KEY', '__proto__'],
    ['/v1/products/Sales.Orders', 'BAD_PARAMETER', 'id'],
    [`/v1/products?q=${'word+'.repeat(11)}`, 'QUERY_TOO_MANY_TERMS', 'q'],
    [`/v1/products?q=${'a'.repeat(201)}`, 'QUERY_TOO_LONG', 'q'],
    ['/v1/products?tag=,', 'BAD_PARAMETER', 'tag'],
    ['/v1/products?status=active,gone', 'BAD_PARAMETER', 'status'],
    ['/v1/fields?q=id&required=yes', 'BAD_PARAMETER', 'required'],
  ])('GET %s is 400 naming the parameter', async (path, code, at) => {
    expectAnswer(await get(path), 400, 'BAD_REQUEST', { code, path: at });
  });

  it('refuses a malformed waiver id with 400, not a database error', async () => {
    expectAnswer(await send('DELETE', '/v1/waivers/abc'), 400, 'BAD_REQUEST', { code: 'BAD_PARAMETER', path: 'id' });
  });

  it.each([
    ['{"descriptor":{"x":"a\\u0000b"}}', 'BAD_TEXT', '/descriptor/x'],
    ['{"descriptor":{"x":"\\ud800"}}', 'BAD_TEXT', '/descriptor/x'],
    ['{"descriptor":{"__proto__":{"admin":true}}}', 'FORBIDDEN_KEY', '/descriptor/__proto__'],
    ['{"constructor":{"prototype":{}}}', 'FORBIDDEN_KEY', '/constructor'],
    ['{"descriptor":', 'INVALID_JSON', ''],
    ['', 'EMPTY_BODY', ''],
    [`${'['.repeat(200)}${']'.repeat(200)}`, 'TOO_DEEP', undefined],
  ])('a publish body %s is 400 naming the JSON pointer', async (body, code, path) => {
    const o = await send('POST', '/v1/products/sales.orders/versions', body);
    expectAnswer(o, 400, 'BAD_REQUEST', { code, ...(path !== undefined && { path }) });
  });

  it("answers Fastify's own refusals with the common body: 413, 414, 415", async () => {
    const big = JSON.stringify({ descriptor: 'x'.repeat(5 * 1024 * 1024) });
    expectAnswer(await send('POST', '/v1/products/sales.orders/versions', big), 413, 'PAYLOAD_TOO_LARGE');
    const bigSchema = JSON.stringify({ schema: { description: 'x'.repeat(1_200_000) } });
    expectAnswer(await send('POST', '/v1/lineage/products/a.b/ports/c/impact', bigSchema), 413, 'PAYLOAD_TOO_LARGE');
    expectAnswer(await get(`/v1/products/${'a'.repeat(250)}`), 414, 'URI_TOO_LONG');
    expectAnswer(await get(`/v1/products?q=${'a'.repeat(9000)}`), 414, 'URI_TOO_LONG');
    const form = await fetch(`${registry.url}/v1/products/sales.orders/versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${registry.token}` },
      body: 'a=1',
    });
    expect(form.status).toBe(415);
    expect(await form.json()).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      details: [{ code: 'UNSUPPORTED_MEDIA_TYPE' }],
    });
  });

  it('answers a NUL in a GraphQL argument with BAD_REQUEST, in the variables or in the query text', async () => {
    const query = 'query($id: String!) { product(id: $id) { id } }';
    // Mercurius answers a body its parser refused as a GraphQL error (its own route error handler).
    const variables = await send('POST', '/graphql', JSON.stringify({ query, variables: { id: 'a.b\u0000' } }));
    expect(answered(variables) && variables.status).toBeLessThan(500);
    expect((variables as { body: { errors: { message: string }[] } }).body.errors[0].message).toContain(
      'NUL character (\\u0000) at /variables/id',
    );
    const { errors } = await registry.graphql('{ product(id: "sales.orders\\u0000") { id } }');
    expect(errors?.[0].extensions?.code).toBe('BAD_REQUEST');
  });
});
