/**
 * Roles a token carries. Every role may read the catalog.
 * - `admin`: everything, including any token and the policy floor.
 * - `governance`: policies and waivers.
 * - `publisher`: publish, deprecate, retire, report observations and post OpenLineage events for its domains.
 * - `reader`: reads only (needed when anonymous reads are off).
 * - `lineage-writer`: posts OpenLineage events for any product (a scheduler such as Airflow).
 */
export const ROLES = ['admin', 'governance', 'publisher', 'reader', 'lineage-writer'] as const;
export type Role = (typeof ROLES)[number];

/** A publisher token's domain list holding this means every domain. */
export const ALL_DOMAINS = '*';

export interface Principal {
  /** The token's id; absent for in-process principals (the demo seeder). */
  id?: string;
  name: string;
  role: Role;
  domains: string[];
}

/** A publisher writes to its named domains (or `*`: all); admins everywhere; other roles nowhere. */
export function mayPublish(principal: Principal, domain: string): boolean {
  if (principal.role === 'admin') return true;
  if (principal.role !== 'publisher') return false;
  return principal.domains.includes(ALL_DOMAINS) || principal.domains.includes(domain);
}
