/**
 * Work on a schema grows with its nodes. Below this many, checking it inline
 * costs less than handing it to a worker thread (a structured clone and a
 * message each way); above, it may take long enough to stall other requests.
 */
export const INLINE_NODE_LIMIT = 2_000;

/** Whether a JSON value has more than `limit` objects, arrays and values (stops counting there). */
export function exceedsNodes(value: unknown, limit = INLINE_NODE_LIMIT): boolean {
  const stack: unknown[] = [value];
  let seen = 0;
  while (stack.length) {
    const next = stack.pop();
    if (++seen > limit) return true;
    if (typeof next === 'object' && next !== null) for (const child of Object.values(next)) stack.push(child);
  }
  return false;
}
