import { useEffect, useRef, useState, type FormEvent } from 'react';
import { type ApiError, getToken, onAuthNeeded, setToken } from './api/graphql';

/**
 * When the registry refuses an anonymous read, ask once for a token. It is
 * kept in session storage (this tab only) and sent as a bearer header.
 */
export function AuthPrompt() {
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => onAuthNeeded((error) => setRefusal(error)), []);
  useEffect(() => {
    if (refusal) input.current?.focus();
  }, [refusal]);
  if (!refusal) return null;
  const forbidden = refusal.code === 'FORBIDDEN';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setRefusal(null);
    setToken(value.trim() || null);
  };
  return (
    <div className="overlay">
      <form className="card auth" role="dialog" aria-modal="true" aria-labelledby="auth-title" onSubmit={submit}>
        <h2 id="auth-title">{forbidden ? 'This token may not read this' : 'This registry needs a token to read'}</h2>
        <p>
          {forbidden
            ? 'Enter a token with a role that may read the catalog.'
            : 'Anonymous reads are off. Any role may read: a reader token is enough (dmesh token create --role reader).'}
        </p>
        <p className="muted">The registry said: {refusal.message}</p>
        <label htmlFor="token-input">Token</label>
        <input
          id="token-input"
          ref={input}
          type="password"
          autoComplete="off"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <p className="muted">
          Kept in this tab’s session storage only{getToken() ? ' (replaces the one entered before)' : ''}.
        </p>
        <button type="submit">Use this token</button>
      </form>
    </div>
  );
}
