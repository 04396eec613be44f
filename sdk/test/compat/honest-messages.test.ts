import { checkCompatibility } from '../../src/core/compat/index.js';
import { short, valueAt } from '../../src/core/compat/context.js';
import { loadFixtures } from './load-fixtures.js';

/** `with \`a.b[0]: 5\` are rejected` → the field path and the quoted text. */
const QUOTE = /with `([^`]*?): ((?:[^`]|`(?! are rejected))*)` are rejected/;

function pathOf(field: string): (string | number)[] {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

describe('a change quotes a record only when the validators confirmed it', () => {
  const changes = loadFixtures().flatMap((c) => checkCompatibility(c.previous, c.next, c.mode ?? 'BACKWARD').changes);

  it('every quoted value is the value of the attached, verified counterexample at that field', () => {
    const quoting = changes.filter((ch) => QUOTE.test(ch.message));
    expect(quoting.length).toBeGreaterThan(30);
    for (const ch of quoting) {
      const [, field, quoted] = QUOTE.exec(ch.message)!;
      expect(ch.counterexample).toBeDefined();
      expect(short(valueAt(ch.counterexample, pathOf(field)))).toBe(quoted);
    }
  });

  it('a quoted whole record (a change at the root) is the attached counterexample', () => {
    const ROOT = /records (?:from|written under) \S+ with (?!`)(.*) are rejected by/;
    const quoting = changes.filter((ch) => ROOT.test(ch.message));
    expect(quoting.length).toBeGreaterThan(5);
    for (const ch of quoting) expect(short(ch.counterexample)).toBe(ROOT.exec(ch.message)![1]);
  });

  it('multipleOf 10.1 → 20.2 quotes a multiple of 10.1 that is not one of 20.2 (never 141.4)', () => {
    const r = checkCompatibility({ type: 'number', multipleOf: 10.1 }, { type: 'number', multipleOf: 20.2 });
    const ch = r.changes.find((c) => c.code === 'MULTIPLE_OF_CHANGED')!;
    expect(ch.counterexample).toBe(10.1);
    expect(ch.message).not.toContain('141.4');
    expect(
      checkCompatibility({ type: 'number', multipleOf: 20.2 }, { type: 'number', multipleOf: 10.1 }).compatible,
    ).toBe(true);
  });
});
