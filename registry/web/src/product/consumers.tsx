import { CONSUMERS } from '../api/queries';
import type { PortConsumer } from '../api/types';
import { useQuery } from '../api/use-query';
import { Link, productHref } from '../router';
import { ErrorBox, TableScroll } from '../ui/common';

/** Products reading one port, with the range they pin and the fields their field lineage reads. */
export function Consumers({ port }: { port: string }) {
  const { data, error } = useQuery<{ consumers: PortConsumer[] }>(CONSUMERS, { port });
  if (error) return <ErrorBox error={error} />;
  if (!data) return null;
  if (!data.consumers.length) return <p className="muted">No product reads this port.</p>;
  return (
    <TableScroll label={`Consumers of ${port}`}>
      <table aria-label={`Consumers of ${port}`}>
        <thead>
          <tr>
            <th scope="col">Consumer</th>
            <th scope="col">Owner</th>
            <th scope="col">Range</th>
            <th scope="col">Fields read</th>
          </tr>
        </thead>
        <tbody>
          {data.consumers.map((c) => (
            <tr key={c.product + c.major}>
              <td>
                <Link href={productHref(c.product)}>{c.product}</Link>
              </td>
              <td>{c.owner.team}</td>
              <td className="mono">
                {c.versionRange}
                {c.resolvedVersion && <span className="muted"> → {c.resolvedVersion}</span>}
              </td>
              <td className="mono">
                {c.fieldsRead.length ? c.fieldsRead.join(', ') : <span className="muted">not declared</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
