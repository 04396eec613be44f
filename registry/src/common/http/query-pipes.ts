import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { RequestError } from '../registry-error.js';

/**
 * Strict parsing of query and path parameters. A parameter left out is
 * `undefined`; one given is parsed exactly or refused with a 400 naming it:
 * empty values, repeated values, numbers with signs, exponents or fractions,
 * booleans other than true/false, text over its length, values outside an
 * enum or a pattern.
 */
abstract class StrictParam<T> implements PipeTransform<unknown, T | undefined> {
  transform(value: unknown, metadata: ArgumentMetadata): T | undefined {
    const name = metadata.data ?? 'parameter';
    if (value === undefined) return undefined;
    if (Array.isArray(value)) throw badParam(name, `${name} is given more than once`, `send ${name} once`);
    if (typeof value !== 'string') throw badParam(name, `${name} is not text`, `send ${name} as text`);
    if (value === '') throw badParam(name, `${name} is empty`, `give ${name} a value, or leave it out`);
    return this.parse(value, name);
  }

  protected abstract parse(value: string, name: string): T;
}

export function badParam(name: string, message: string, fix: string): RequestError {
  return new RequestError('BAD_REQUEST', message, [{ code: 'BAD_PARAMETER', path: name, message, fix }]);
}

/** A whole number in decimal digits, within bounds. */
export class IntParam extends StrictParam<number> {
  constructor(
    private readonly min: number,
    private readonly max: number,
  ) {
    super();
  }

  protected parse(value: string, name: string): number {
    const n = /^\d{1,15}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < this.min || n > this.max)
      throw badParam(
        name,
        `${name} must be a whole number from ${this.min} to ${this.max}, got "${value}"`,
        `pass ${name} between ${this.min} and ${this.max}`,
      );
    return n;
  }
}

/** `true` or `false`, nothing else. */
export class BoolParam extends StrictParam<boolean> {
  protected parse(value: string, name: string): boolean {
    if (value === 'true' || value === 'false') return value === 'true';
    throw badParam(name, `${name} must be true or false, got "${value}"`, `pass ${name}=true or ${name}=false`);
  }
}

/** Text up to a length, optionally matching a pattern (described for the message) or of a few words. */
export class TextParam extends StrictParam<string> {
  constructor(
    private readonly maxLength: number,
    private readonly pattern?: { regex: RegExp; form: string },
    private readonly maxWords?: number,
  ) {
    super();
  }

  protected parse(value: string, name: string): string {
    if (value.length > this.maxLength)
      throw badParam(name, `${name} is longer than ${this.maxLength} characters`, `shorten ${name}`);
    if (this.pattern && !this.pattern.regex.test(value))
      throw badParam(name, `${name} "${value}" is not ${this.pattern.form}`, `use ${this.pattern.form}`);
    if (this.maxWords && value.split(/\s+/).filter(Boolean).length > this.maxWords)
      throw badParam(
        name,
        `${name} has more than ${this.maxWords} words`,
        `search with at most ${this.maxWords} words`,
      );
    return value;
  }
}

/** One of a fixed set of words. */
export class EnumParam<const T extends string> extends StrictParam<T> {
  constructor(private readonly values: readonly T[]) {
    super();
  }

  protected parse(value: string, name: string): T {
    if ((this.values as readonly string[]).includes(value)) return value as T;
    throw badParam(name, `${name} "${value}" is not one of ${this.values.join(', ')}`, `use ${this.values.join(', ')}`);
  }
}
