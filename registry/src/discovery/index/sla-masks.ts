import { slaStatusAt, type SlaChange, type SlaStatus } from '@dmesh/sdk';

/** A bit per SLA status: a product's mask says which statuses its latest ports are in. */
export const SLA_BITS: Record<SlaStatus, number> = { met: 1, at_risk: 2, breached: 4, unknown: 8 };

/** A product timeline longer than this stops at its last change (each port's is capped by slaTimeline). */
const MAX_POINTS = 512;

/** The changes of a product: when the set of its ports' statuses changes, as `sla_at` / `sla_masks` columns. */
export function productSlaTimeline(ports: readonly SlaChange[][]): { at: string[]; masks: number[] } {
  const times = [...new Set(ports.flatMap((p) => p.map((c) => c.from)))].sort((a, b) => a - b);
  const at: string[] = [];
  const masks: number[] = [];
  for (const t of times.length ? times : [-Infinity]) {
    const mask = ports.reduce((m, p) => m | SLA_BITS[slaStatusAt(p, t)], 0) || SLA_BITS.unknown;
    if (masks.at(-1) === mask || at.length === MAX_POINTS) continue;
    at.push(at.length ? new Date(t).toISOString() : '-infinity');
    masks.push(mask);
  }
  return { at, masks };
}

/** The worst status in a mask (breached > at_risk > met > unknown): what a product's SLA is shown as. */
export function worstSlaStatus(mask: number): SlaStatus {
  if (mask & SLA_BITS.breached) return 'breached';
  if (mask & SLA_BITS.at_risk) return 'at_risk';
  if (mask & SLA_BITS.met) return 'met';
  return 'unknown';
}
