import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempFolder } from './run-cli.js';

const work = tempFolder('dmesh-diff-output-');

const v1 = {
  type: 'object',
  description: 'One order.',
  additionalProperties: false,
  required: ['id'],
  properties: {
    id: { type: 'string', description: 'Order id.' },
    amount: { type: ['number', 'null'], description: 'Amount.' },
  },
};
const v2 = {
  ...v1,
  description:
    'One order as the shop recorded it when the customer paid, in the currency of the shop, updated when it ships and again when it is returned.',
  properties: {
    id: { type: 'string', description: 'Order id.' },
    amount: { type: 'number', description: 'Amount.' },
    note: { type: 'string', description: 'Free text.' },
  },
};

function write(path: string, schema: unknown): void {
  mkdirSync(join(work.path(), path, '..'), { recursive: true });
  writeFileSync(join(work.path(), path), JSON.stringify(schema, null, 2));
}

describe('dmesh diff output', () => {
  it('names the files once, marks breaking changes with a counterexample and compatible ones as notes, full texts', async () => {
    write('releases/1.0.0/orders.schema.json', v1);
    write('contracts/orders.schema.json', v2);
    const r = await runCli(['diff', 'releases/1.0.0/orders.schema.json', 'contracts/orders.schema.json'], work.path());
    expect(r.code).toBe(1);
    expect(r.out).toMatchSnapshot();
  });

  it('calls distinct files by their names, and keeps them exact under --json', async () => {
    write('v1.json', v1);
    write('v2.json', { ...v1, properties: { ...v1.properties, note: { type: 'string' } }, additionalProperties: true });
    const r = await runCli(['diff', 'v1.json', 'v2.json'], work.path());
    expect(r.code).toBe(0);
    expect(r.out).toMatchSnapshot();
    const json = await runCli(['diff', 'v1.json', 'v2.json', '--json'], work.path());
    expect(JSON.parse(json.out).changes.every((c: { against: string }) => c.against === 'v1.json')).toBe(true);
  });
});
