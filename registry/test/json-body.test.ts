import fc from 'fast-check';
import { nestingOf, parseJsonBody } from '../src/common/http/json-body.js';
import { RegistryError } from '../src/common/registry-error.js';

const depthOf = (v: unknown): number =>
  typeof v === 'object' && v !== null ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0;

describe('the JSON body parser', () => {
  it('measures nesting from the text as deep as the parsed value is, whatever the strings hold', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => nestingOf(JSON.stringify(v)) === depthOf(v)));
  });

  it('accepts every JSON value without NUL, lone surrogates, prototype keys or deep nesting, unchanged', () => {
    const clean = fc
      .jsonValue({ depthSize: 'small' })
      .filter((v) => !/\\u0000|\\ud[89a-f]|__proto__|"prototype"/i.test(JSON.stringify(v)));
    // Compared with what JSON.parse makes of the text (JSON itself has no -0 to give back).
    fc.assert(fc.property(clean.map(JSON.stringify), (text) => expect(parseJsonBody(text)).toEqual(JSON.parse(text))));
  });

  it('refuses a NUL, a lone surrogate or a prototype key anywhere, naming its JSON pointer', () => {
    const bad = fc.constantFrom('\u0000', '\ud800', '\udc00');
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 5 }), { maxLength: 6 }), bad, (keys, char) => {
        const doc = keys.reduceRight<unknown>((inner, key) => ({ [key]: inner }), `x${char}`);
        const pointer = keys.map((k) => `/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
        let error: RegistryError | undefined;
        try {
          parseJsonBody(JSON.stringify(doc));
        } catch (err) {
          error = err as RegistryError;
        }
        expect(error?.status).toBe(400);
        expect(error?.details[0]).toMatchObject({ code: 'BAD_TEXT', path: pointer });
      }),
    );
  });
});
