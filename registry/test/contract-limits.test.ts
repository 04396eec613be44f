import { startRegistry, type RunningRegistry } from './app-harness.js';
import { ADMIN, DEEP_CONTRACT_TEXT, publishRequest, refChainContractText } from './fixtures.js';
import { answered, call, type Outcome } from './process/http-client.js';
import { PublishPipeline } from '../src/publish/publish.pipeline.js';

/**
 * A contract over a limit answers 400 naming the limit (code and name), never
 * 500 — through REST publish (also a dry-run), REST impact (the CPU worker
 * pool) and GraphQL impact(schema:). 3,000 levels deep cannot even be
 * serialised by JSON.stringify, so the bodies are written as text.
 */
let registry: RunningRegistry;

beforeAll(async () => {
  registry = await startRegistry();
  await registry.app.get(PublishPipeline).publish('customers.profiles', publishRequest(), ADMIN);
});
afterAll(() => registry.close());

const DEEP = DEEP_CONTRACT_TEXT;
const refChain = () => refChainContractText();
const SLOT = '"__SCHEMA__"';
const withSchema = (body: unknown, schema: string) => JSON.stringify(body).replace(SLOT, schema);
const publishBody = (schema: string) =>
  withSchema(publishRequest({ schema: '__SCHEMA__' as never, version: '1.1.0' }), schema);
const IMPACT_QUERY = 'query($s: JSON!) { impact(port: "customers.profiles/profiles", schema: $s) { compatible } }';
const post = (path: string, body: string) => call(`${registry.url}${path}`, 'POST', body, registry.token);

/** The answer's code, limit and text: the code and the limit's name must be in it. */
function refusal(o: Outcome) {
  // The whole answer on a mismatch: a 503 says whether the CPU pool timed out or was busy.
  expect(answered(o) ? { status: o.status, body: o.body } : o).toMatchObject({ status: 400 });
  const body = (o as { body: { code: string; message: string; details: { code: string }[]; limit?: unknown } }).body;
  return { code: body.code, detail: body.details[0]?.code, text: JSON.stringify(body), limit: body.limit };
}

describe('contract limits through the registry', () => {
  it.each([
    ['publish', '/v1/products/customers.profiles/versions'],
    ['dry-run', '/v1/products/customers.profiles/versions?dryRun=true'],
  ])('a 3,000-level-deep contract: %s answers 400 SCHEMA_TOO_DEEP naming maxDepth', async (_what, path) => {
    const r = refusal(await post(path, publishBody(DEEP)));
    expect(r).toMatchObject({
      code: 'SCHEMA_TOO_DEEP',
      detail: 'SCHEMA_TOO_DEEP',
      limit: { name: 'maxDepth', value: 64 },
    });
    expect(r.text).toContain('CONTRACT_LIMITS.maxDepth');
    expect(r.text).toContain('contracts/profiles.schema.json');
  });

  it.each([
    ['publish', '/v1/products/customers.profiles/versions'],
    ['dry-run', '/v1/products/customers.profiles/versions?dryRun=true'],
  ])('a 10,000-long $ref chain: %s answers 400 naming REF_CHAIN_TOO_LONG and maxRefChain', async (_what, path) => {
    const r = refusal(await post(path, publishBody(refChain())));
    expect(r).toMatchObject({ code: 'INVALID_PRODUCT', detail: 'REF_CHAIN_TOO_LONG' });
    expect(r.text).toContain('REF_CHAIN_TOO_LONG');
    expect(r.text).toContain('CONTRACT_LIMITS.maxRefChain');
  });

  it.each([
    ['deep', DEEP, 'SCHEMA_TOO_DEEP', 'CONTRACT_LIMITS.maxDepth'],
    ['$ref chain', refChain(), 'REF_CHAIN_TOO_LONG', 'CONTRACT_LIMITS.maxRefChain'],
  ])('REST impact of a %s contract answers 400 with the limit as the code', async (_what, schema, code, name) => {
    const o = await post(
      '/v1/lineage/products/customers.profiles/ports/profiles/impact',
      withSchema({ schema: '__SCHEMA__' }, schema),
    );
    const r = refusal(o);
    expect(r).toMatchObject({ code, detail: code });
    expect(r.text).toContain(name);
  });

  it('GraphQL impact(schema:) names the limit: through the resolver, and from the body parser', async () => {
    const chained = await post(
      '/graphql',
      withSchema({ query: IMPACT_QUERY, variables: { s: '__SCHEMA__' } }, refChain()),
    );
    const error = (
      chained as { body: { errors: { message: string; extensions?: { code: string; status: number } }[] } }
    ).body.errors[0];
    expect(error.extensions).toMatchObject({ code: 'REF_CHAIN_TOO_LONG', status: 400 });
    expect(error.message).toContain('CONTRACT_LIMITS.maxRefChain');
    const deep = await post('/graphql', withSchema({ query: IMPACT_QUERY, variables: { s: '__SCHEMA__' } }, DEEP));
    expect(answered(deep) && deep.status).toBeLessThan(500);
    const message = (deep as { body: { errors: { message: string }[] } }).body.errors[0].message;
    expect(message).toContain('SCHEMA_TOO_DEEP');
    expect(message).toContain('CONTRACT_LIMITS.maxDepth');
  });

  it('a contract just over maxDepth (within the body limit) is refused by the SDK limit itself', async () => {
    const schema = `${'{"items":'.repeat(70)}{"type":"string"}${'}'.repeat(70)}`;
    const r = refusal(
      await post(
        '/v1/lineage/products/customers.profiles/ports/profiles/impact',
        withSchema({ schema: '__SCHEMA__' }, schema),
      ),
    );
    expect(r).toMatchObject({ code: 'SCHEMA_TOO_DEEP', limit: { name: 'maxDepth', value: 64 } });
  });
});
