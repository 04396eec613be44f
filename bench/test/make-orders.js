#!/usr/bin/env node
// node bench/test/make-orders.js <out.jsonl> <count>: the order records of the dmesh test benchmark,
// one JSON object a line (uuid ids, date-time timestamps, a 3-letter currency), the same bytes for the
// same count (a seeded generator), every record valid under product/contracts/orders.schema.json.
import { createWriteStream } from 'node:fs';

const [out, countText] = process.argv.slice(2);
const count = Number(countText);
if (!out || !Number.isInteger(count) || count < 1) {
  console.error('usage: node bench/test/make-orders.js <out.jsonl> <count>');
  process.exit(2);
}

/** mulberry32: a small seeded generator, so every run writes the same file. */
let seed = 0x2f6b3a1d;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const hex = (n) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
/** A version-4 UUID from the seeded generator. */
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`;

const STATUSES = ['placed', 'shipped', 'delivered', 'cancelled'];
const CURRENCIES = ['EUR', 'USD', 'GBP', 'NOK', 'SEK'];
const base = Date.UTC(2024, 0, 1);

function order(i) {
  return JSON.stringify({
    order_id: uuid(),
    customer_id: `cus-${i % 50_000}`,
    amount: Math.round((i % 10_000) * 1.37) / 100,
    currency: CURRENCIES[i % CURRENCIES.length],
    status: STATUSES[i % 4],
    created_at: new Date(base + i * 1000).toISOString(),
    sku: `SKU-${100_000 + (i % 900_000)}`,
    quantity: 1 + (i % 9),
  });
}

const stream = createWriteStream(out);
for (let i = 0; i < count; i += 1000) {
  const lines = [];
  for (let j = i; j < Math.min(count, i + 1000); j++) lines.push(order(j));
  if (!stream.write(lines.join('\n') + '\n')) await new Promise((resolve) => stream.once('drain', resolve));
}
await new Promise((resolve, reject) => stream.end((err) => (err ? reject(err) : resolve())));
