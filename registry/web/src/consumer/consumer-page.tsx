import { EXTERNAL_CONSUMERS } from '../api/queries';
import type { ExternalConsumer } from '../api/types';
import { useQuery } from '../api/use-query';
import { Link, productHref } from '../router';
import { Badge, ErrorBox, Loading, shortDate, TableScroll } from '../ui/common';

/** What one read pins and takes: the port (a link to its product), the range and what it resolves to, the fields. */
function Reads({ consumer }: { consumer: ExternalConsumer }) {
  return (
    <TableScroll label={`What ${consumer.id} reads`}>
      <table aria-label={`What ${consumer.id} reads`}>
        <thead>
          <tr>
            <th scope="col">Port</th>
            <th scope="col">Range</th>
            <th scope="col">Fields read</th>
            <th scope="col">Registration</th>
          </tr>
        </thead>
        <tbody>
          {consumer.reads.map((r) => {
            const product = r.port.split('/')[0];
            return (
              <tr key={r.port + r.versionRange}>
                <td>
                  <Link href={productHref(product)}>{product}</Link>/
                  <span className="mono">{r.port.slice(product.length + 1)}</span>
                </td>
                <td className="mono">
                  {r.versionRange}
                  {r.resolvedVersion ? (
                    <span className="muted"> → {r.resolvedVersion}</span>
                  ) : (
                    <span className="muted"> → no published version</span>
                  )}
                </td>
                <td className="mono">
                  {r.fields.length ? r.fields.join(', ') : <span className="muted">not declared</span>}
                </td>
                <td>
                  {r.expired ? (
                    <Badge tone="bad">expired {r.expires}</Badge>
                  ) : r.expires ? (
                    <>until {r.expires}</>
                  ) : (
                    <span className="muted">no end date</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

/**
 * A consumer outside the mesh (a dashboard, ML job, notebook or service,
 * `<domain>:<kind>/<name>`): who owns it and what it reads, so the owners of
 * those ports know whom a change reaches.
 */
export function ConsumerPage({ id }: { id: string }) {
  const domain = id.split(':')[0];
  const { data, error, loading } = useQuery<{ externalConsumers: ExternalConsumer[] }>(EXTERNAL_CONSUMERS, { domain });
  if (error) return <ErrorBox error={error} />;
  if (loading || !data) return <Loading what={id} />;
  const consumer = data.externalConsumers.find((c) => c.id === id);
  if (!consumer)
    return (
      <p role="alert">
        No consumer {id} is registered. <Link href="/">Search the catalog</Link>
      </p>
    );
  return (
    <div className="consumer">
      <header className="product-header">
        <h1>
          {consumer.name} <span className="mono muted">{consumer.id}</span>
        </h1>
        <div className="meta">
          <Badge>{consumer.kind} outside the mesh</Badge>
          <Badge>domain {consumer.domain}</Badge>
          <Badge>
            owner {consumer.owner.team} · <a href={`mailto:${consumer.owner.email}`}>{consumer.owner.email}</a>
          </Badge>
        </div>
        {consumer.description && <p className="description">{consumer.description}</p>}
        <p className="muted">
          Registered by {consumer.createdBy} on {shortDate(consumer.createdAt)}; last changed{' '}
          {shortDate(consumer.updatedAt)}.
        </p>
      </header>
      <section aria-labelledby="reads-title">
        <h2 id="reads-title">Reads</h2>
        <Reads consumer={consumer} />
      </section>
    </div>
  );
}
