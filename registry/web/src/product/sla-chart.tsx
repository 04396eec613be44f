import type { OutputPort, SlaObservation } from '../api/types';
import { SlaBadge } from '../ui/common';

const W = 480;
const H = 96;

/** Completeness of each observation (or 0/100 availability when it has none), oldest to newest. */
function points(history: SlaObservation[]) {
  const times = history.map((o) => Date.parse(o.time));
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  return history.map((o, i) => ({
    x: t1 > t0 ? ((times[i] - t0) / (t1 - t0)) * (W - 16) + 8 : W / 2,
    y: 8 + (1 - (o.availability ? (o.completeness ?? 100) : 0) / 100) * (H - 16),
    o,
  }));
}

function Chart({ history, port }: { history: SlaObservation[]; port: string }) {
  const pts = points(history);
  const label = `SLA history of ${port}: ${history.length} observation(s), ${history.filter((o) => !o.availability).length} unavailable`;
  return (
    <svg className="sla-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <line x1="8" x2={W - 8} y1="8" y2="8" className="grid" />
      <line x1="8" x2={W - 8} y1={H - 8} y2={H - 8} className="grid" />
      <polyline points={pts.map((p) => `${p.x},${p.y}`).join(' ')} className="trend" />
      {pts.map((p) => (
        <circle key={p.o.time} cx={p.x} cy={p.y} r="3.5" className={p.o.availability ? 'ok' : 'down'}>
          <title>
            {p.o.time}: {p.o.availability ? 'available' : 'unavailable'}
            {p.o.completeness !== null ? `, ${p.o.completeness}% complete` : ''}
            {p.o.rowCount !== null ? `, ${p.o.rowCount} rows` : ''}
          </title>
        </circle>
      ))}
    </svg>
  );
}

/** The promise, the status now with its reasons, and the observations of the window as a small chart. */
export function SlaSection({ port }: { port: OutputPort }) {
  const { sla, slaStatus, slaHistory } = port;
  return (
    <div className="sla">
      <h4>SLA</h4>
      <p>
        <SlaBadge status={slaStatus.status} />{' '}
        {sla ? (
          <span>
            promises freshness {sla.freshness ?? '—'}, availability {sla.availability ?? '—'}%, completeness{' '}
            {sla.completeness ?? '—'}%
          </span>
        ) : (
          <span className="muted">no SLA promised</span>
        )}{' '}
        <span className="muted">(window {slaStatus.window.duration})</span>
      </p>
      {slaStatus.reasons.length > 0 && (
        <ul className="reasons">
          {slaStatus.reasons.map((r) => (
            <li key={r.measure + r.level}>{r.message}</li>
          ))}
        </ul>
      )}
      {slaHistory.length > 0 ? (
        <Chart history={slaHistory} port={port.name} />
      ) : (
        <p className="muted">No observations in the last 7 days.</p>
      )}
    </div>
  );
}
