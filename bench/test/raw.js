#!/usr/bin/env node
// node bench/test/raw.js <schema.json> <orders.jsonl>: the raw reference of the dmesh test benchmark,
// as a whole process: read the file, JSON.parse every line, validate it with one compiled ajv (the
// SDK's ajv 8 with ajv-formats, all errors). Prints the records read and how many were invalid.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../sdk/package.json', import.meta.url));
const { Ajv2020 } = require('ajv/dist/2020.js');
const addFormats = require('ajv-formats');

const [schemaFile, dataFile] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats.default ?? addFormats)(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));

const fd = openSync(dataFile, 'r');
const buffer = Buffer.allocUnsafe(1 << 20);
let carry = '';
let records = 0;
let invalid = 0;
const line = (text) => {
  if (!text) return;
  records++;
  if (!validate(JSON.parse(text))) invalid++;
};
for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0;) {
  const text = carry + buffer.toString('utf8', 0, n);
  const lines = text.split('\n');
  carry = lines.pop();
  for (const l of lines) line(l);
}
line(carry);
closeSync(fd);
console.log(JSON.stringify({ records, invalid }));
