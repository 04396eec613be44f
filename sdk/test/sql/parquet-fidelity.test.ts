import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { SqlEngineError } from '../../src/io/sql/engine.js';
import { lossyReason } from '../../src/io/sql/parquet-fidelity.js';
import { runSqlTest } from '../../src/io/sql/run-sql-test.js';
import { tempDir } from './engines.js';

const NOW = new Date('2024-06-01T12:00:00Z');
const dir = tempDir('dmesh-parquet-fidelity-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('the SQL engine on Parquet (DuckDB): refuses columns DuckDB reads with other values than the streaming reader, saying how to write them', async () => {
  const column = (name: string, element: object, data: bigint[]) => ({ element: { name, ...element }, data });
  const files = {
    'ns-utc': column(
      'at',
      { type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'NANOS' } },
      [1_717_243_199_123_456_789n],
    ),
    'time-ns-utc': column(
      't',
      { type: 'INT64', logical_type: { type: 'TIME', isAdjustedToUTC: true, unit: 'NANOS' } },
      [36_000_123_456_789n],
    ),
    'decimal-40': column(
      'amount',
      { type: 'FIXED_LEN_BYTE_ARRAY', type_length: 17, converted_type: 'DECIMAL', precision: 40, scale: 2 },
      [10n ** 39n + 7n],
    ),
  };
  const messages: Record<string, RegExp> = {
    'ns-utc':
      /column at is a TIMESTAMP\(NANOS\) adjusted to UTC, which DuckDB reads in microseconds; write it in MICROS/,
    'time-ns-utc': /column t is a TIME\(NANOS\) adjusted to UTC/,
    'decimal-40':
      /column amount is a DECIMAL of 40 digits, which DuckDB reads as DOUBLE; write it with at most 38 digits, or test each file with --engine stream/,
  };
  for (const [name, { element, data }] of Object.entries(files)) {
    const schema = [
      { name: 'root', num_children: 1 },
      { ...element, repetition_type: 'OPTIONAL' },
    ];
    writeFileSync(
      join(dir, `${name}.parquet`),
      Buffer.from(parquetWriteBuffer({ schema, columnData: [{ name: element.name, data }] } as never)),
    );
    const run = runSqlTest({ data: join(dir, `${name}.parquet`), cwd: dir, contract: { type: 'object' }, now: NOW });
    await expect(run).rejects.toThrow(SqlEngineError);
    await expect(run).rejects.toThrow(messages[name]);
  }
  // INT96 (Spark's timestamps) is recognised from the schema alone
  const int96 = {
    name: 'ts',
    type: 'INT96',
    logicalType: null,
    convertedType: null,
    precision: null,
    duckdbType: 'TIMESTAMP',
  };
  expect(lossyReason(int96)).toMatch(/INT96 timestamp, which DuckDB reads without its nanoseconds and its zone/);
  expect(lossyReason({ ...int96, type: 'INT64', duckdbType: 'TIMESTAMP_NS' })).toBeUndefined();
});
