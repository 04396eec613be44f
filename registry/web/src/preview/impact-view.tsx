import type { ImpactReport } from '../api/types';
import { Link, productHref } from '../router';
import { Badge, Json, words, TableScroll } from '../ui/common';

function Changes({ changes }: { changes: ImpactReport['changes'] }) {
  return (
    <ul className="changes">
      {changes.map((c, i) => (
        <li key={i} className="change breaking">
          <Badge tone="bad">breaking</Badge> <span className="mono">{c.code}</span>{' '}
          {c.field && <span className="mono">field {c.field}</span>} <span className="mono muted">{c.path}</span>
          <p>{c.message}</p>
          {c.counterexample !== undefined && c.counterexample !== null && (
            <div className="counterexample">
              <span className="muted">
                counterexample (valid under the {c.validUnder ?? 'one'} contract, refused by the other):
              </span>
              <Json value={c.counterexample} label={`Counterexample for ${c.code}`} />
            </div>
          )}
          <p className="muted">{c.affected.length ? `reaches ${c.affected.join(', ')}` : 'reaches no consumer'}</p>
        </li>
      ))}
    </ul>
  );
}

function Consumers({ report }: { report: ImpactReport }) {
  if (!report.consumers.length) return <p>No consumer would break.</p>;
  return (
    <TableScroll label="Consumers that would break">
      <table className="breaking-consumers" aria-label="Consumers that would break">
        <thead>
          <tr>
            <th scope="col">Consumer</th>
            <th scope="col">Owner</th>
            <th scope="col">Hops</th>
            <th scope="col">Reads (broken)</th>
            <th scope="col">Its fields that break</th>
            <th scope="col">Range</th>
          </tr>
        </thead>
        <tbody>
          {report.consumers.map((c) => (
            <tr key={c.product}>
              <td>
                <Link href={productHref(c.product)}>{c.product}</Link>
                {!c.certain && <span className="muted"> (may break: no field lineage declared)</span>}
              </td>
              <td>
                {c.owner.team} <span className="muted">{c.owner.email}</span>
              </td>
              <td>{c.depth}</td>
              <td className="mono">{c.reads.join(', ')}</td>
              <td className="mono">{c.fields.length ? c.fields.join(', ') : '—'}</td>
              <td className="mono">{c.versionRange}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The verdict, the bump, each breaking change with its counterexample, and who breaks, per field. */
export function ImpactView({ report }: { report: ImpactReport }) {
  return (
    <section className="impact card" aria-labelledby="impact-title" aria-live="polite">
      <h2 id="impact-title">
        {report.compatible ? <Badge tone="good">compatible</Badge> : <Badge tone="bad">breaking</Badge>} as{' '}
        {report.proposedVersion} under {report.mode}
      </h2>
      <p>
        Required bump: <strong>{words(report.requiredBump)}</strong>
        {report.against && <span className="muted"> (compared with {report.against})</span>}
        {!report.compatible &&
          report.requiredBump === 'major' &&
          ' — publish it as a new major version, or keep the old fields.'}
      </p>
      {report.changes.length > 0 && (
        <>
          <h3>Breaking changes</h3>
          <Changes changes={report.changes} />
        </>
      )}
      <h3>Consumers that would break</h3>
      <Consumers report={report} />
      {report.truncated && <p className="notice">The walk stopped at its budget: more consumers may break.</p>}
      {report.unaffected.length > 0 && (
        <>
          <h3>Not affected</h3>
          <ul>
            {report.unaffected.map((u) => (
              <li key={u.product}>
                <Link href={productHref(u.product)}>{u.product}</Link> <span className="muted">{u.message}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
