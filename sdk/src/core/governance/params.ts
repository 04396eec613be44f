/** Small helpers for built-in parameters: validation messages and orders. */
export function unknownKeys(params: Record<string, unknown>, allowed: string[]): string[] {
  return Object.keys(params)
    .filter((k) => !allowed.includes(k))
    .map((k) => `params.${k} is not a parameter (allowed: ${allowed.join(', ')})`);
}

export function checkNumber(params: Record<string, unknown>, key: string, min: number, max: number): string[] {
  const v = params[key];
  if (v === undefined) return [];
  return typeof v === 'number' && v >= min && v <= max ? [] : [`params.${key} must be a number from ${min} to ${max}`];
}

export function checkBoolean(params: Record<string, unknown>, key: string): string[] {
  const v = params[key];
  return v === undefined || typeof v === 'boolean' ? [] : [`params.${key} must be true or false`];
}

export function checkEnum(params: Record<string, unknown>, key: string, values: readonly string[]): string[] {
  const v = params[key];
  return v === undefined || values.includes(v as string) ? [] : [`params.${key} must be one of ${values.join(', ')}`];
}

/** `true` is at least as strict as `false` when the flag switches a check on. */
export const flagTighter = (a: boolean, b: boolean): boolean => a || !b;

export const CLASSIFICATIONS = ['public', 'internal', 'confidential', 'restricted'] as const;
export const classificationRank = (c: string | undefined): number =>
  CLASSIFICATIONS.indexOf((c ?? 'internal') as (typeof CLASSIFICATIONS)[number]);
