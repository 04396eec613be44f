import type { MajorLine } from '../api/types';
import { StatusBadge, TableScroll } from '../ui/common';

export function MajorLines({ lines }: { lines: MajorLine[] }) {
  return (
    <section aria-labelledby="majors-title">
      <h2 id="majors-title">Major lines</h2>
      <TableScroll label="Major lines">
        <table>
          <thead>
            <tr>
              <th scope="col">Major</th>
              <th scope="col">State</th>
              <th scope="col">Sunset</th>
              <th scope="col">Reason</th>
              <th scope="col">Still read by</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.major}>
                <td className="mono">{l.major}.x</td>
                <td>
                  <StatusBadge status={l.state} />
                </td>
                <td>{l.sunset ?? '—'}</td>
                <td>{l.reason ?? '—'}</td>
                <td>{l.consumers.length ? l.consumers.map((c) => `${c.product} (${c.range})`).join(', ') : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
