import { listFields } from './contract-fields';
import { Json, TableScroll } from '../ui/common';

/** A contract as a table of its fields (path, type, required, description, classification) and its raw JSON Schema. */
export function FieldTable({ schema, port }: { schema: unknown; port: string }) {
  const fields = listFields(schema);
  return (
    <>
      <TableScroll label={`Contract fields of ${port}`}>
        <table className="fields" aria-label={`Contract fields of ${port}`}>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Type</th>
              <th scope="col">Required</th>
              <th scope="col">Description</th>
              <th scope="col">Classification</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr key={f.path}>
                <td className="mono">{f.path}</td>
                <td className="mono">{f.type ?? '—'}</td>
                <td>{f.required ? 'required' : 'optional'}</td>
                <td>{f.description ?? <span className="muted">no description</span>}</td>
                <td>{f.classification ? <span className="badge pii">{f.classification}</span> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <details className="raw">
        <summary>Raw JSON Schema</summary>
        <Json value={schema} label={`JSON Schema of ${port}`} />
      </details>
    </>
  );
}
