import type { ReactNode } from 'react';
import type { ApiError } from '../api/graphql';

const SLA_LABEL: Record<string, string> = {
  MET: 'SLA met',
  AT_RISK: 'SLA at risk',
  BREACHED: 'SLA breached',
  UNKNOWN: 'SLA unknown',
};

/** Lower-case words for an enum value: AT_RISK → at risk. */
export const words = (value: string) => value.toLowerCase().replace(/_/g, ' ');

export function SlaBadge({ status }: { status: string }) {
  return <span className={`badge sla-${status.toLowerCase()}`}>{SLA_LABEL[status] ?? words(status)}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status.toLowerCase()}`}>{words(status)}</span>;
}

export function Badge({ children, tone = 'plain' }: { children: ReactNode; tone?: string }) {
  return <span className={`badge ${tone}`}>{children}</span>;
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}

export function ErrorBox({ error }: { error: ApiError }) {
  if (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN')
    return (
      <p className="error" role="alert">
        This needs a token: {error.message}
      </p>
    );
  return (
    <p className="error" role="alert">
      {error.message} <span className="muted">({error.code})</span>
    </p>
  );
}

export function Json({ value, label }: { value: unknown; label: string }) {
  return (
    <pre className="json" tabIndex={0} aria-label={label}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export const shortDate = (iso: string) => iso.slice(0, 10);

/** A wide table that scrolls sideways in a narrow window; focusable, so the keyboard can scroll it too. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
