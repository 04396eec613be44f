import { RequestError } from '../common/registry-error.js';
import { ALL_DOMAINS, ROLES, type Principal, type Role } from './roles.js';

export interface TokenRequest {
  name?: unknown;
  role?: unknown;
  domains?: unknown;
  /** `<n>h`, `<n>d` or `<n>w`; default 90d. */
  expires?: unknown;
}

export interface CheckedTokenRequest {
  name: string;
  role: Role;
  domains: string[];
  expiresAt: Date;
}

const DEFAULT_EXPIRY = '90d';
export const MAX_EXPIRY_DAYS = 365;
const HOURS = { h: 1, d: 24, w: 24 * 7 } as const;

const bad = (path: string, message: string, fix: string) =>
  new RequestError('BAD_REQUEST', `${path}: ${message}`, [{ code: 'TOKEN_INVALID', path, message, fix }]);

/** `90d` → milliseconds; a bounded positive duration or a 400 that says the form. */
export function parseExpiry(text: string): number {
  const m = /^(\d{1,5})([hdw])$/.exec(text);
  const ms = m ? Number(m[1]) * HOURS[m[2] as keyof typeof HOURS] * 3_600_000 : NaN;
  if (!(ms > 0) || ms > MAX_EXPIRY_DAYS * 86_400_000)
    throw bad('/expires', `"${text}" is not a duration up to ${MAX_EXPIRY_DAYS}d`, 'use e.g. 12h, 90d or 8w');
  return ms;
}

/** The shape of a token request, before who may ask for it is judged. */
export function checkTokenRequest(body: TokenRequest, now: Date): CheckedTokenRequest {
  const { name, role, domains = [], expires = DEFAULT_EXPIRY } = body ?? {};
  if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name))
    throw bad('/name', 'a name of 1–64 letters, digits, ".", "_" or "-" is required', 'e.g. --name sales-ci');
  if (!ROLES.includes(role as Role)) throw bad('/role', `"${String(role)}" is not a role`, `use ${ROLES.join(', ')}`);
  if (!Array.isArray(domains) || domains.some((d) => typeof d !== 'string' || !/^([a-z][a-z0-9-]*|\*)$/.test(d)))
    throw bad('/domains', 'domains are kebab-case domain names, or "*"', 'e.g. --domain sales');
  if (role === 'publisher' && !domains.length)
    throw bad(
      '/domains',
      'a publisher token names its domains',
      "add --domain <name> (an admin may give --domain '*')",
    );
  if (role !== 'publisher' && domains.length)
    throw bad('/domains', `a ${String(role)} token has no domains`, 'drop --domain, or use --role publisher');
  if (typeof expires !== 'string') throw bad('/expires', 'expires is a duration string', 'e.g. 90d');
  return {
    name,
    role: role as Role,
    domains: [...new Set(domains as string[])],
    expiresAt: new Date(now.getTime() + parseExpiry(expires)),
  };
}

/**
 * Admins create any token; a publisher creates publisher tokens for its own
 * domains (for CI) that expire no later than its own; nobody else creates any.
 * Every domain (`*`) is only ever an admin's explicit grant.
 */
export function checkCreator(creator: Principal, wanted: CheckedTokenRequest, creatorExpiresAt: Date | null): void {
  if (creator.role === 'admin') return;
  const refuse = (message: string, fix: string) =>
    new RequestError('FORBIDDEN', message, [{ code: 'TOKEN_FORBIDDEN', message, fix }]);
  if (creator.role !== 'publisher')
    throw refuse(`a ${creator.role} token cannot create tokens`, 'ask a registry admin');
  if (wanted.role !== 'publisher')
    throw refuse(`a publisher creates publisher tokens only, not ${wanted.role}`, 'ask a registry admin');
  const outside = wanted.domains.filter(
    (d) => d === ALL_DOMAINS || !(creator.domains.includes(d) || creator.domains.includes(ALL_DOMAINS)),
  );
  if (outside.length)
    throw refuse(
      `${creator.name} may not grant domain${outside.length > 1 ? 's' : ''} ${outside.join(', ')}`,
      `name only your own domains (${creator.domains.join(', ')}); every domain ("*") only from an admin`,
    );
  if (creatorExpiresAt && wanted.expiresAt > creatorExpiresAt)
    throw refuse(
      `a token cannot outlive the token that creates it (${creatorExpiresAt.toISOString()})`,
      'ask for a shorter --expires',
    );
}
