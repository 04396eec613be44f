import { DOMAINS } from '../api/queries';
import type { Domain, FacetCount, Policy } from '../api/types';
import { useQuery } from '../api/use-query';
import { Link } from '../router';
import { Badge, ErrorBox, Loading } from '../ui/common';

interface DomainsResult {
  domains: Domain[];
  search: { totalCount: number; facets: { domain: FacetCount[] } };
  policies: Policy[];
}

function PolicyList({ policies }: { policies: Policy[] }) {
  if (!policies.length) return <p className="muted">No policies of its own.</p>;
  return (
    <ul className="policies">
      {policies.map((p) => (
        <li key={p.id + p.scope}>
          <Badge tone={p.severity === 'error' ? 'bad' : 'warn'}>{p.severity}</Badge> <strong>{p.title}</strong>{' '}
          <span className="mono muted">{p.rule.type ?? p.id}</span>
          {p.description !== p.title && <> — {p.description}</>}
        </li>
      ))}
    </ul>
  );
}

/** Domains with their owners, how many products each has, and the policies in force there. */
export function DomainsPage() {
  const { data, error, loading } = useQuery<DomainsResult>(DOMAINS, {});
  if (error) return <ErrorBox error={error} />;
  if (loading || !data) return <Loading what="domains" />;
  const counts = new Map(data.search.facets.domain.map((f) => [f.value, f.count]));
  const global = data.policies.filter((p) => p.scope === 'global');
  return (
    <div className="domains">
      <h1>Domains</h1>
      <div className="domain-grid">
        {data.domains.map((d) => (
          <section key={d.name} className="card" aria-labelledby={`domain-${d.name}`}>
            <h2 id={`domain-${d.name}`}>
              {d.title ?? d.name} <span className="mono muted">{d.name}</span>
            </h2>
            <p>{d.description}</p>
            <p>
              Owner <strong>{d.owner.team}</strong> · <a href={`mailto:${d.owner.email}`}>{d.owner.email}</a>
            </p>
            <p>
              <Link href={`/?domain=${encodeURIComponent(d.name)}`}>{counts.get(d.name) ?? 0} product(s)</Link>
            </p>
            <h3>Domain policies</h3>
            <PolicyList policies={data.policies.filter((p) => p.scope === `domain:${d.name}`)} />
          </section>
        ))}
      </div>
      <section aria-labelledby="global-title">
        <h2 id="global-title">Global policies (in force in every domain)</h2>
        <PolicyList policies={global} />
      </section>
    </div>
  );
}
