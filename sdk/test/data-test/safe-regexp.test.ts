import { compileContract, ContractCompileError } from '../../src/core/contract/compile.js';
import { createSafeRegExp, isBacktrackingLinear, UnsafePatternError } from '../../src/core/regex/safe-regexp.js';
import { validateRecords } from '../../src/core/quality/validate-records.js';

describe('createSafeRegExp', () => {
  it('runs a catastrophic pattern in linear time on re2js', () => {
    const evil = createSafeRegExp('^(a+)+$');
    expect(evil.engine).toBe('re2js');
    const started = process.hrtime.bigint();
    expect(evil.test('a'.repeat(50_000) + '!')).toBe(false);
    expect(evil.test('aaaa')).toBe(true);
    // native RegExp would need ~2^50000 steps; a linear engine needs well under a second
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(2000);
  });

  it('keeps native RegExp for provably linear patterns', () => {
    for (const p of ['^[A-Z]{3}$', '^[a-z0-9-]+$', 'abc', '^\\d{4}-\\d{2}-\\d{2}$', 'foo|bar'])
      expect(createSafeRegExp(p).engine).toBe('native');
    for (const p of ['^(a+)+$', '(a|a)*', 'a+b', '^\\d+\\d+$', '^a?a?a?aaa$', '^(ab){2}c+$', '^[^@]+@[^@]+$'])
      expect(isBacktrackingLinear(p)).toBe(false);
  });

  it('matches like native RegExp (JSON Schema pattern: unanchored, unicode)', () => {
    const cases: [string, string, boolean][] = [
      ['^(a+)+$', 'aaa', true],
      ['b+c', 'xxbbcx', true],
      ['^\\p{Lu}+$', 'ÄBC', true],
      ['^\\p{Lu}+$', 'Abc', false],
      ['(?<year>\\d{4})-x', '2024-x', true],
    ];
    for (const [p, input, expected] of cases) {
      expect(createSafeRegExp(p).test(input)).toBe(expected);
      expect(new RegExp(p, 'u').test(input)).toBe(expected);
    }
  });

  it('rejects patterns that cannot run in linear time, naming the pattern and why', () => {
    expect(() => createSafeRegExp('(a)\\1')).toThrow(UnsafePatternError);
    expect(() => createSafeRegExp('^(?=a)b')).toThrow(/"\^\(\?=a\)b" is not allowed: .*lookahead/);
  });

  it('guards contracts and quality rules alike', () => {
    const contract = compileContract({ type: 'string', pattern: '^(a|aa)+$' });
    const started = Date.now();
    expect(contract.validate('a'.repeat(40_000) + 'b')).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(() => compileContract({ type: 'string', pattern: '(x)\\1' })).toThrow(ContractCompileError);
    const report = validateRecords({ type: 'object' }, [{ s: 'a'.repeat(30_000) + '!' }], {
      rules: [{ rule: 'regex', field: 's', pattern: '^(a+)+$' }],
    });
    expect(report.rules[0]).toMatchObject({ passed: false, failed: 1 });
  });
});

describe('ajv with safe patterns', () => {
  it('keeps each pattern of a contract apart (ajv keys patterns by toString)', () => {
    const c = compileContract({
      type: 'object',
      properties: {
        a: { type: 'string', pattern: '^a+$' },
        b: { type: 'string', pattern: '^(b|bb)+$' },
        id: { type: 'string', format: 'uuid' },
      },
    });
    expect(c.validate({ a: 'aaa', b: 'bbb' })).toBe(true);
    expect(c.validate({ a: 'b' })).toBe(false);
    expect(c.validate({ b: 'a' })).toBe(false);
    expect(c.validate({ id: 'not-a-uuid' })).toBe(false);
  });
});
