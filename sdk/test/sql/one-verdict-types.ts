/** A column type in both engines, the JSON type its values have, and the values a test plants (as SQL text). */
export interface ColumnType {
  duckdb: string;
  postgres: string;
  json: 'string' | 'number' | 'integer' | 'boolean';
  values: string[];
  /** PostgreSQL's column holds the values rounded (to microseconds): its records differ from Parquet's. */
  pgRounds?: boolean;
}

export const TYPES: ColumnType[] = [
  {
    duckdb: 'VARCHAR',
    postgres: 'text',
    json: 'string',
    values: [
      'EUR',
      'usd',
      'ABC',
      '',
      ' ',
      'é😀',
      'a\nb',
      'cus-42',
      'placed',
      'x@y.zz',
      '12',
      '2024-01-01',
      '2024-01-01T10:00:00Z',
      '2024-02-30T10:00:00Z',
      '2024-01-01 10:00:00z',
      '2024-05-31T23:59:60Z',
      '2024-06-01T11:00:00.123456789Z',
      '0b7e4c2e-1f7a-4d3e-9a2b-3c4d5e6f7a8b',
    ],
  },
  {
    duckdb: 'BIGINT',
    postgres: 'bigint',
    json: 'integer',
    values: ['0', '7', '-3', '10', '42', '100000', '9007199254740993', '-9007199254740993'],
  },
  { duckdb: 'INTEGER', postgres: 'integer', json: 'integer', values: ['0', '1', '5', '-2', '12', '100'] },
  {
    duckdb: 'DOUBLE',
    postgres: 'double precision',
    json: 'number',
    values: [
      '0.1',
      '0.3',
      '1.5',
      '-0',
      'NaN',
      'Infinity',
      '-Infinity',
      '1e21',
      '2.5',
      '3',
      '100.25',
      '-7.5',
      '0.30000000000000004',
    ],
  },
  { duckdb: 'BOOLEAN', postgres: 'boolean', json: 'boolean', values: ['true', 'false'] },
  {
    duckdb: 'TIMESTAMPTZ',
    postgres: 'timestamptz',
    json: 'string',
    values: [
      '2024-06-01 11:00:00+00',
      '2024-05-01 00:00:00.123+00',
      '1970-01-01 00:00:00+00',
      '2024-06-01 11:59:59.9995+00',
      '0044-03-15 10:00:00.000001+00',
    ],
  },
  {
    duckdb: 'TIMESTAMP',
    postgres: 'timestamp',
    json: 'string',
    values: ['2024-06-01 10:00:00', '2024-05-31 23:59:59.999999', '2024-01-01 00:00:00.5', '9999-12-31 23:59:59.25'],
  },
  {
    duckdb: 'TIMESTAMP_MS',
    postgres: 'timestamp(3)',
    json: 'string',
    values: ['2024-06-01 10:00:00.123', '2024-03-31 01:30:00', '1969-12-31 23:59:59.999'],
  },
  {
    // PostgreSQL keeps microseconds: its values are these rounded
    duckdb: 'TIMESTAMP_NS',
    postgres: 'timestamp',
    json: 'string',
    values: ['2024-06-01 11:59:59.123456789', '2024-06-01 10:00:00.000000001', '2024-06-01 09:00:00'],
    pgRounds: true,
  },
  {
    duckdb: 'TIME',
    postgres: 'time',
    json: 'string',
    values: ['10:00:00', '23:59:59.9995', '00:00:00.000001', '12:30:00.25', '24:00:00'],
  },
  {
    duckdb: 'DECIMAL(4,2)',
    postgres: 'numeric(4,2)',
    json: 'number',
    values: ['1.70', '0.10', '-3.00', '99.99', '0.05'],
  },
  {
    duckdb: 'DECIMAL(10,2)',
    postgres: 'numeric(10,2)',
    json: 'number',
    values: ['1.70', '0.10', '-3.00', '12345.67', '0.00', '0.05'],
  },
  {
    duckdb: 'DECIMAL(18,3)',
    postgres: 'numeric(18,3)',
    json: 'number',
    values: ['123456789012345.678', '-0.001', '2.500', '999999999999999.999'],
  },
  {
    duckdb: 'DECIMAL(30,4)',
    postgres: 'numeric(30,4)',
    json: 'number',
    values: ['12345678901234567890.1234', '0.0001', '-1.7000', '99999999999999999999.9999', '3.0000'],
  },
  {
    duckdb: 'DECIMAL(38,10)',
    postgres: 'numeric(38,10)',
    json: 'number',
    values: ['1234567890123456789012345678.0123456789', '0.1000000000', '-42.0000000001'],
  },
  {
    duckdb: 'DATE',
    postgres: 'date',
    json: 'string',
    values: ['2024-01-01', '2024-02-29', '1999-12-31', '0044-03-15', '9999-12-31'],
  },
];
