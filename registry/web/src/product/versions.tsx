import type { CompatibilityChange, PolicyResult, VersionSummary } from '../api/types';
import { Badge, Json, shortDate, words } from '../ui/common';

function Change({ change }: { change: CompatibilityChange }) {
  return (
    <li className={change.breaking ? 'change breaking' : 'change'}>
      <Badge tone={change.breaking ? 'bad' : 'plain'}>{change.breaking ? 'breaking' : 'compatible'}</Badge>{' '}
      <span className="mono">{change.code}</span> <span className="mono muted">{change.path}</span>
      <p>{change.message}</p>
      {change.counterexample !== undefined && change.counterexample !== null && (
        <div className="counterexample">
          <span className="muted">
            counterexample (valid under {change.validUnder ?? 'one side'}
            {change.against ? `, checked against ${change.against}` : ''}):
          </span>
          <Json value={change.counterexample} label={`Counterexample for ${change.code} at ${change.path}`} />
        </div>
      )}
    </li>
  );
}

function Governance({ results, passed }: { results: PolicyResult[]; passed: boolean }) {
  return (
    <>
      <h3>Governance {passed ? <Badge tone="good">passed</Badge> : <Badge tone="bad">failed</Badge>}</h3>
      <ul className="policies">
        {results.map((r) => (
          <li key={r.policy + r.scope}>
            <Badge tone={r.status === 'passed' ? 'good' : r.status === 'failed' ? 'bad' : 'warn'}>{r.status}</Badge>{' '}
            <strong>{r.title}</strong>{' '}
            <span className="muted">
              ({r.scope}, {r.severity})
            </span>{' '}
            — {r.message}
            {r.waiver && (
              <span className="muted">
                {' '}
                waived until {shortDate(r.waiver.until)}: {r.waiver.reason}
              </span>
            )}
            {r.findings.length > 0 && (
              <ul>
                {r.findings.map((f, i) => (
                  <li key={i}>
                    {f.path && <span className="mono muted">{f.path} </span>}
                    {f.message}
                    {f.fix && <span className="muted"> — fix: {f.fix}</span>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function Version({ v, open }: { v: VersionSummary; open: boolean }) {
  const { compatibility: c } = v;
  return (
    <details className="version" open={open}>
      <summary>
        <strong>{v.version}</strong>{' '}
        <span className="muted">
          published {shortDate(v.publishedAt)} by {v.publishedBy}
        </span>{' '}
        · required bump {words(c.requiredBump)} · {c.breakingChanges} breaking change(s)
      </summary>
      <h3>Compatibility</h3>
      {c.ports.map((p) => (
        <div key={p.port} className="port-compat">
          <p>
            <span className="mono">{p.port}</span>{' '}
            {p.compatible ? <Badge tone="good">compatible</Badge> : <Badge tone="bad">breaking</Badge>}{' '}
            <span className="muted">
              {p.mode}
              {p.against.length > 0 ? ` against ${p.against.join(', ')}` : ' (first version)'} · bump{' '}
              {words(p.requiredBump)}
            </span>
          </p>
          {p.changes.length > 0 && (
            <ul className="changes">
              {p.changes.map((ch, i) => (
                <Change key={i} change={ch} />
              ))}
            </ul>
          )}
        </div>
      ))}
      {c.descriptor && c.descriptor.changes.length > 0 && (
        <ul className="changes">
          {c.descriptor.changes.map((ch, i) => (
            <li key={i}>
              <span className="mono">{ch.code}</span> <span className="muted">{words(ch.bump)}</span> {ch.message}
            </li>
          ))}
        </ul>
      )}
      {v.governance && <Governance results={v.governance.results} passed={v.governance.passed} />}
    </details>
  );
}

/** Every version, newest first, with the compatibility and governance reports stored when it was published. */
export function Versions({ versions }: { versions: VersionSummary[] }) {
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      {versions.map((v, i) => (
        <Version key={v.version} v={v} open={i === 0} />
      ))}
    </section>
  );
}
