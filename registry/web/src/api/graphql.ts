/**
 * The one way the catalog reads the registry: POST /graphql on the page's own
 * origin. A token, when the registry needs one, lives in session storage (gone
 * when the tab closes) and goes as a bearer header.
 */
const TOKEN_KEY = 'dmesh.token';

export interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; status?: number; details?: { code?: string; message?: string }[] };
}

/** A refused or failed request, with the registry's code (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, QUERY_LIMIT, …). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export const getToken = (): string | null => sessionStorage.getItem(TOKEN_KEY);

export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
  window.dispatchEvent(new Event('dmesh:token'));
}

/** Listeners that show the token prompt when a read is refused for want of a token. */
type AuthListener = (error: ApiError) => void;
const authListeners = new Set<AuthListener>();
export function onAuthNeeded(listener: AuthListener): () => void {
  authListeners.add(listener);
  return () => authListeners.delete(listener);
}

function headers(): Record<string, string> {
  const token = getToken();
  return { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) };
}

function toError(errors: GraphQLErrorBody[]): ApiError {
  const first = errors[0];
  const code = first.extensions?.code ?? 'ERROR';
  const detail = first.extensions?.details?.[0]?.message;
  return new ApiError(detail && !first.message.includes(detail) ? `${first.message}: ${detail}` : first.message, code);
}

/** Runs a query; throws ApiError with the registry's message and code. */
export async function graphql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal) {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: headers(),
    body: JSON.stringify({ query, variables }),
    signal,
  });
  const body = (await res.json().catch(() => ({}))) as {
    data?: T;
    errors?: GraphQLErrorBody[];
    message?: string;
    code?: string;
  };
  if (body.errors?.length) {
    const error = toError(body.errors);
    if (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN') authListeners.forEach((l) => l(error));
    throw error;
  }
  if (!res.ok || !body.data)
    throw new ApiError(body.message ?? `the registry answered ${res.status}`, body.code ?? 'ERROR');
  return body.data;
}
