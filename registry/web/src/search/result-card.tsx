import type { KeyboardEvent } from 'react';
import type { SearchHit } from '../api/types';
import { Link, productHref } from '../router';
import { Badge, SlaBadge, StatusBadge, words } from '../ui/common';

/** Why a hit matched: the sections with a searched word, the marked description, the matched fields. */
function WhyMatched({ match }: { match: SearchHit['match'] }) {
  const description = match.highlights.find((h) => h.section === 'DESCRIPTION');
  if (!match.sections.length) return null;
  return (
    <div className="why">
      <span className="muted">matched {match.sections.map(words).join(', ')}</span>
      {match.fields.length > 0 && (
        <span className="muted">
          {' · fields '}
          {match.fields.map((f) => `${f.port}#${f.path}`).join(', ')}
        </span>
      )}
      {description && (
        <p className="highlight">
          {description.fragments.map((f, i) =>
            f.matched ? <mark key={i}>{f.text}</mark> : <span key={i}>{f.text}</span>,
          )}
        </p>
      )}
    </div>
  );
}

export function ResultCard({
  hit,
  onKeyDown,
}: {
  hit: SearchHit;
  onKeyDown: (e: KeyboardEvent<HTMLAnchorElement>) => void;
}) {
  const p = hit.node;
  const described = hit.match.highlights.some((h) => h.section === 'DESCRIPTION');
  return (
    <article className="card result" data-product={p.id}>
      <h2 className="result-title">
        <Link href={productHref(p.id)} onKeyDown={onKeyDown} className="result-link">
          {p.title}
        </Link>{' '}
        <span className="mono muted">
          {p.id}@{p.latestVersion}
        </span>
      </h2>
      <div className="meta">
        <Badge>domain {p.domain}</Badge>
        <Badge>owner {p.owner.team}</Badge>
        <StatusBadge status={p.status} />
        <SlaBadge status={p.slaStatus} />
        <Badge>{words(p.tier)}</Badge>
        <Badge>{p.consumerCount} consumer(s)</Badge>
      </div>
      {!described && <p className="description">{p.description}</p>}
      <WhyMatched match={hit.match} />
    </article>
  );
}
