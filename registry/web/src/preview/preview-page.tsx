import { useState, type ChangeEvent, type FormEvent } from 'react';
import { ApiError, graphql } from '../api/graphql';
import { IMPACT, PORT_CONTRACT } from '../api/queries';
import type { ImpactReport } from '../api/types';
import { useQuery } from '../api/use-query';
import { Link, productHref } from '../router';
import { ErrorBox, Loading } from '../ui/common';
import { ImpactView } from './impact-view';

interface PortContract {
  product: {
    id: string;
    title: string;
    latestVersion: string;
    version: { ports: { name: string; compatibility: string; contract: { schema: unknown } }[] } | null;
  } | null;
}

/** Parses the proposal, naming where JSON went wrong; the registry judges the schema itself. */
function parseProposal(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ApiError(`the proposed contract is not JSON: ${(err as Error).message}`, 'BAD_INPUT');
  }
}

function Editor({
  initial,
  onSubmit,
  busy,
}: {
  initial: string;
  onSubmit: (text: string, version: string) => void;
  busy: boolean;
}) {
  const [text, setText] = useState(initial);
  const [version, setVersion] = useState('');
  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) setText(await file.text());
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(text, version.trim());
  };
  return (
    <form className="preview-form" onSubmit={submit}>
      <label htmlFor="proposal">Proposed contract (JSON Schema): edit it, paste one, or upload a file</label>
      <textarea id="proposal" value={text} onChange={(e) => setText(e.target.value)} rows={18} spellCheck={false} />
      <div className="row">
        <label>
          Upload <input type="file" accept=".json,application/json" onChange={(e) => void upload(e)} />
        </label>
        <label>
          As version{' '}
          <input
            type="text"
            value={version}
            onChange={(e) => setVersion(e.target.value)}
            placeholder="next minor"
            size={10}
          />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Preview the change'}
        </button>
      </div>
    </form>
  );
}

/**
 * Before publishing: the registry's own compatibility check of a proposed
 * contract for this port and the consumers it would break, field by field
 * (GraphQL `impact`, the same analysis `dmesh publish --dry-run` shows).
 */
export function PreviewPage({ id, port }: { id: string; port: string }) {
  const { data, error } = useQuery<PortContract>(PORT_CONTRACT, { id });
  const [report, setReport] = useState<ImpactReport>();
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const current = data?.product?.version?.ports.find((p) => p.name === port);
  const run = async (text: string, version: string) => {
    setBusy(true);
    setFailure(undefined);
    try {
      const schema = parseProposal(text);
      const result = await graphql<{ impact: ImpactReport }>(IMPACT, {
        port: `${id}/${port}`,
        schema,
        ...(version && { version }),
      });
      setReport(result.impact);
    } catch (err) {
      setReport(undefined);
      setFailure(err instanceof ApiError ? err : new ApiError(String(err), 'ERROR'));
    } finally {
      setBusy(false);
    }
  };
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading what={`${id}/${port}`} />;
  if (!current)
    return (
      <p role="alert">
        {id} has no output port {port} in its latest version.
      </p>
    );
  return (
    <div className="preview">
      <h1>
        Preview a change to <Link href={productHref(id)}>{id}</Link>/<span className="mono">{port}</span>
      </h1>
      <p className="muted">
        Latest version {data.product!.latestVersion}, compatibility mode {current.compatibility}. Nothing is published.
      </p>
      <Editor
        initial={JSON.stringify(current.contract.schema, null, 2)}
        onSubmit={(t, v) => void run(t, v)}
        busy={busy}
      />
      {failure && <ErrorBox error={failure} />}
      {report && <ImpactView report={report} />}
    </div>
  );
}
