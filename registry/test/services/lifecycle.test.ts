import { LifecycleService } from '../../src/governance/lifecycle.service.js';
import { PublishPipeline } from '../../src/publish/publish.pipeline.js';
import { ADMIN, contract, publishRequest, refusal } from '../fixtures.js';
import { startServices, type Services } from '../service-harness.js';

let s: Services;
let lifecycle: LifecycleService;
const ID = { id: { type: 'string', description: 'Key.' } };
const publish = (
  domain: string,
  name: string,
  version: string,
  inputs?: { product: string; port: string; version: string }[],
) =>
  s
    .get(PublishPipeline)
    .publish(`${domain}.${name}`, publishRequest({ domain, name, version, schema: contract(ID), inputs }), ADMIN);
const events = (action: string) =>
  s.rows<{ subject: string; outcome: string; detail: Record<string, unknown> }>(
    'SELECT subject, outcome, detail FROM events WHERE action = $1 ORDER BY id',
    [action],
  );

beforeAll(async () => {
  s = await startServices(new Date('2026-03-02T10:00:00Z'));
  lifecycle = s.get(LifecycleService);
  await publish('core', 'accounts', '1.0.0');
  await publish('core', 'accounts', '2.0.0');
  await publish('billing', 'invoices', '1.0.0', [{ product: 'core.accounts', port: 'accounts', version: '^1.0.0' }]);
});
afterAll(() => s.close());

describe('major-line lifecycle (service)', () => {
  it('deprecates a line and leaves one notice per consumer still on it', async () => {
    const change = await lifecycle.deprecate('core.accounts', 1, { sunset: '2026-05-01', reason: 'use 2.x' }, ADMIN);
    expect(change.consumers.map((c) => c.product)).toEqual(['billing.invoices']);
    expect(
      await s.rows(
        "SELECT state, to_char(sunset, 'YYYY-MM-DD') AS sunset FROM major_lines WHERE major = 1 AND product_id = 'core.accounts'",
      ),
    ).toEqual([{ state: 'deprecated', sunset: '2026-05-01' }]);
    expect((await events('deprecation.notice')).map((e) => e.subject)).toEqual(['billing.invoices']);
  });

  it('refuses to retire before the sunset with RETIRE_REFUSED, naming the consumers, and audits the refusal', async () => {
    const err = await refusal(lifecycle.retire('core.accounts', 1, ADMIN));
    expect([err.code, err.status]).toEqual(['RETIRE_REFUSED', 422]);
    expect(err.details.map((d) => d.message)).toEqual([expect.stringContaining('billing.invoices reads accounts')]);
    expect((await events('major.retire')).at(-1)).toMatchObject({
      outcome: 'rejected',
      detail: { code: 'RETIRE_REFUSED' },
    });
  });

  it('retires after the deprecation window and drops the line from the current lineage in the same transaction', async () => {
    const before = await s.rows(
      "SELECT major FROM lineage_port_locations WHERE product_id = 'core.accounts' ORDER BY major",
    );
    expect(before).toEqual([{ major: 1 }, { major: 2 }]);
    s.clock.set('2026-05-02T10:00:00Z');
    const change = await lifecycle.retire('core.accounts', 1, ADMIN);
    expect(change.state).toBe('retired');
    expect(await s.rows("SELECT major FROM lineage_port_locations WHERE product_id = 'core.accounts'")).toEqual([
      { major: 2 },
    ]);
  });

  it('refuses every change to a retired line with MAJOR_LINE_RETIRED', async () => {
    const err = await refusal(
      lifecycle.deprecate('core.accounts', 1, { sunset: '2026-06-01', reason: 'again' }, ADMIN),
    );
    expect([err.code, err.status]).toEqual(['MAJOR_LINE_RETIRED', 409]);
  });

  it('refuses a publisher of another domain with FORBIDDEN, before touching the line', async () => {
    const sales = { name: 'sales-ci', role: 'publisher' as const, domains: ['sales'] };
    const err = await refusal(lifecycle.deprecate('core.accounts', 2, { sunset: '2026-09-01', reason: 'x' }, sales));
    expect(err.code).toBe('FORBIDDEN');
    expect(await s.rows("SELECT state FROM major_lines WHERE product_id = 'core.accounts' AND major = 2")).toEqual([
      { state: 'active' },
    ]);
  });
});
