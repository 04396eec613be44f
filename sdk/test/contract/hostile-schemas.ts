/** An object nested `levels` deep through `properties.a`. */
export function nested(levels: number): unknown {
  let s: unknown = { type: 'string' };
  for (let i = 0; i < levels; i++) s = { type: 'object', properties: { a: s } };
  return s;
}

/** A chain of `length` definitions, each only a `$ref` to the next. */
export function refChain(length: number): unknown {
  const defs: Record<string, unknown> = {};
  for (let i = 0; i < length; i++)
    defs[`a${i}`] = i === length - 1 ? { type: 'string' } : { $ref: `#/$defs/a${i + 1}` };
  return { $defs: defs, $ref: '#/$defs/a0' };
}

/** `nested(levels)` as JSON text, written without recursion (JSON.stringify would overflow the stack). */
export function nestedJson(levels: number): string {
  return '{"type":"object","properties":{"a":'.repeat(levels) + '{"type":"string"}' + '}}'.repeat(levels);
}
