import { useEffect, useState } from 'react';
import { ApiError, graphql } from './graphql';

export interface QueryState<T> {
  /** The newest answer; while a newer request runs, the previous one (search as you type keeps its list). */
  data?: T;
  error?: ApiError;
  loading: boolean;
}

/**
 * Runs a GraphQL query whenever its variables change (compared as JSON), and
 * again after a token is entered; an older answer never overwrites a newer one.
 */
export function useQuery<T>(query: string, variables: Record<string, unknown>, skip = false): QueryState<T> {
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(variables);
  const request = `${query}\n${key}\n${attempt}`;
  const [state, setState] = useState<{ request?: string; data?: T; error?: ApiError }>({});
  useEffect(() => {
    const retry = () => setAttempt((n) => n + 1);
    window.addEventListener('dmesh:token', retry);
    return () => window.removeEventListener('dmesh:token', retry);
  }, []);
  useEffect(() => {
    if (skip) return;
    const controller = new AbortController();
    graphql<T>(query, JSON.parse(key) as Record<string, unknown>, controller.signal).then(
      (data) => setState({ request, data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = error instanceof ApiError ? error : new ApiError(String(error), 'NETWORK');
        setState((previous) => ({ ...previous, request, error: apiError }));
      },
    );
    return () => controller.abort();
  }, [query, key, skip, request]);
  const current = state.request === request;
  return { data: state.data, error: current ? state.error : undefined, loading: !skip && !current };
}
