import { registerDiffCommand } from '../../src/cli/commands/diff.js';
import { registerValidateCommand } from '../../src/cli/commands/validate.js';
import { CONTRACT_LIMITS } from '../../src/core/contract/compile.js';
import { scaffoldedOrders } from '../product/scaffolded.js';
import { nestedJson, refChain } from '../contract/hostile-schemas.js';
import { runCommand, tempFolder } from './cli-runner.js';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => {
  folder = tempFolder('dmesh-limits-');
});
afterEach(() => folder.remove());

const DEPTH = `CONTRACT_LIMITS.maxDepth = ${CONTRACT_LIMITS.maxDepth}`;
const CHAIN = `CONTRACT_LIMITS.maxRefChain = ${CONTRACT_LIMITS.maxRefChain}`;

/** A scaffolded product, its contract replaced by `contract` when given. */
function productWith(contract?: unknown): string {
  const files = scaffoldedOrders();
  for (const [name, text] of Object.entries(files)) folder.write(`orders/${name}`, text);
  if (contract !== undefined) folder.write('orders/contracts/orders.schema.json', contract);
  return 'orders';
}

describe('hostile contracts through the CLI: exit 2 with the limit named', () => {
  it.each([
    ['a contract nested 3,000 levels deep', nestedJson(3_000), DEPTH],
    ['a 10,000-long $ref chain', refChain(10_000), CHAIN],
  ])('dmesh diff: %s', async (_name, schema, limit) => {
    folder.write('v1.json', { type: 'object' });
    folder.write('v2.json', schema);
    const r = await runCommand(registerDiffCommand, folder.dir, ['diff', 'v1.json', 'v2.json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('v2.json');
    expect(r.err).toContain(limit);
    expect(r.err).not.toMatch(/call stack/);
  });

  it.each([
    ['a contract nested 3,000 levels deep', nestedJson(3_000), DEPTH],
    ['a 10,000-long $ref chain', refChain(10_000), CHAIN],
  ])('dmesh validate: %s', async (_name, schema, limit) => {
    const dir = productWith(schema);
    const r = await runCommand(registerValidateCommand, folder.dir, ['validate', dir, '--offline']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('contracts/orders.schema.json');
    expect(r.err).toContain(limit);
  });

  it('dmesh validate accepts the scaffolded product as it is (the runner itself works)', async () => {
    const r = await runCommand(registerValidateCommand, folder.dir, ['validate', productWith(), '--offline']);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
  });
});
