import { PRODUCT } from '../api/queries';
import type { Product } from '../api/types';
import { useQuery } from '../api/use-query';
import { Link, lineageHref, productHref } from '../router';
import { Badge, ErrorBox, Loading, SlaBadge, StatusBadge, words } from '../ui/common';
import { MajorLines } from './major-lines';
import { PortSection } from './port-section';
import { Versions } from './versions';

function Header({ p }: { p: Product }) {
  return (
    <header className="product-header">
      <h1>
        {p.title}{' '}
        <span className="mono muted">
          {p.id}@{p.latestVersion}
        </span>
      </h1>
      <div className="meta">
        <Badge>domain {p.domain}</Badge>
        <Badge>
          owner {p.owner.team} · <a href={`mailto:${p.owner.email}`}>{p.owner.email}</a>
        </Badge>
        <Badge tone="class">{words(p.classification)}</Badge>
        <Badge>{words(p.tier)}</Badge>
        <StatusBadge status={p.status} />
        <SlaBadge status={p.slaStatus} />
        <Badge>{p.consumerCount} consumer(s)</Badge>
      </div>
      <p className="description">{p.description}</p>
      {p.tags.length > 0 && (
        <p className="tags">
          {p.tags.map((t) => (
            <Link key={t} href={`/?tag=${encodeURIComponent(t)}`} className="tag">
              #{t}
            </Link>
          ))}
        </p>
      )}
      <p>
        <Link href={lineageHref(p.id)} className="button">
          Lineage graph
        </Link>
      </p>
    </header>
  );
}

function Inputs({ inputs }: { inputs: NonNullable<Product['version']>['inputs'] }) {
  if (!inputs.length) return <p className="muted">Reads no other product (a source).</p>;
  return (
    <ul>
      {inputs.map((i) => (
        <li key={i.product + i.port}>
          <Link href={productHref(i.product)}>{i.product}</Link>/<span className="mono">{i.port}</span>{' '}
          <span className="mono muted">
            {i.versionRange}
            {i.resolvedVersion && ` → ${i.resolvedVersion}`}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function ProductPage({ id }: { id: string }) {
  const { data, error, loading } = useQuery<{ product: Product | null }>(PRODUCT, { id });
  if (error) return <ErrorBox error={error} />;
  if (loading || !data) return <Loading what={id} />;
  const p = data.product;
  if (!p)
    return (
      <p role="alert">
        No product {id} in the catalog. <Link href="/">Search</Link>
      </p>
    );
  return (
    <article className="product">
      <Header p={p} />
      <section aria-labelledby="inputs-title">
        <h2 id="inputs-title">Reads</h2>
        <Inputs inputs={p.version?.inputs ?? []} />
      </section>
      <section aria-labelledby="ports-title">
        <h2 id="ports-title">Output ports</h2>
        {p.version?.ports.map((port) => (
          <PortSection key={port.name} productId={p.id} port={port} />
        ))}
      </section>
      <MajorLines lines={p.majorLines} />
      <Versions versions={p.versions} />
    </article>
  );
}
