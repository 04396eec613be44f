import type { SlaEvaluation } from '@dmesh/sdk';
import type { SlaObservationDto, SlaStatusDto } from './dto/sla.dto.js';
import type { ObservationRow } from './operations/observation-history.js';

/** ms → ISO-8601 duration in whole days/hours/minutes/seconds (the window is a whole number of them). */
export function isoDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const [d, h, m, sec] = [Math.floor(s / 86_400), Math.floor((s % 86_400) / 3600), Math.floor((s % 3600) / 60), s % 60];
  const time = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${sec ? `${sec}S` : ''}`;
  const text = `P${d ? `${d}D` : ''}${time ? `T${time}` : ''}`;
  return text === 'P' ? 'PT0S' : text;
}

/** One mapping for REST and GraphQL: same field names, same units. */
export function toSlaStatus(e: SlaEvaluation): SlaStatusDto {
  const m = e.measures;
  return {
    status: e.status,
    reasons: e.reasons.map((r) => ({ ...r })),
    evaluatedAt: e.evaluatedAt,
    window: { from: e.window.from, to: e.window.to, duration: isoDuration(e.window.ms) },
    measures: {
      observations: m.observations,
      ...(m.freshnessAgeMs !== undefined && { freshnessAgeSeconds: m.freshnessAgeMs / 1000 }),
      ...(m.availability !== undefined && { availability: m.availability }),
      ...(m.completeness !== undefined && { completeness: m.completeness }),
    },
    ...(e.breachStart && { breachStart: e.breachStart }),
  };
}

export function toObservation(r: ObservationRow): SlaObservationDto {
  return {
    id: String(r.id),
    time: new Date(r.observed_at).toISOString(),
    lastUpdate: r.last_update ? new Date(r.last_update).toISOString() : null,
    ...(r.row_count !== null && { rowCount: Number(r.row_count) }),
    ...(r.completeness !== null && { completeness: r.completeness }),
    quality: r.quality as SlaObservationDto['quality'],
    availability: r.availability,
    reportedBy: r.reported_by,
  };
}
