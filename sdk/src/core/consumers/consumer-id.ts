import { KEBAB_CASE } from '../identifiers.js';

/** What a consumer outside the mesh is: it reads data products but publishes none. */
export const CONSUMER_KINDS = ['dashboard', 'ml', 'notebook', 'service'] as const;
export type ConsumerKind = (typeof CONSUMER_KINDS)[number];

export const isConsumerKind = (text: unknown): text is ConsumerKind =>
  typeof text === 'string' && (CONSUMER_KINDS as readonly string[]).includes(text);

/**
 * A consumer outside the mesh: `<domain>:<kind>/<name>`, e.g.
 * `finance:dashboard/exec-kpis`. The colon keeps the form apart from product
 * ids (`<domain>.<product>`), so a consumer name never collides with a product name.
 */
export interface ConsumerId {
  domain: string;
  kind: ConsumerKind;
  name: string;
}

const FORM = /^([a-z][a-z0-9-]*):([a-z]+)\/([a-z][a-z0-9-]*)$/;

export function formatConsumerId(id: ConsumerId): string {
  return `${id.domain}:${id.kind}/${id.name}`;
}

/** Parses `<domain>:<kind>/<name>`; undefined when the text is not of that form. */
export function parseConsumerId(text: string): ConsumerId | undefined {
  const m = FORM.exec(text);
  if (!m || !isConsumerKind(m[2]) || !KEBAB_CASE.test(m[1]) || !KEBAB_CASE.test(m[3])) return undefined;
  return { domain: m[1], kind: m[2], name: m[3] };
}

export const CONSUMER_ID_FORM =
  '<domain>:<kind>/<name>, kind one of dashboard, ml, notebook, service, e.g. finance:dashboard/exec-kpis';
