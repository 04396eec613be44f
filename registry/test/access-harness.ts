import type { RunningRegistry } from './app-harness.js';

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** One HTTP call with an optional bearer token (null: none). */
export async function call(
  r: Pick<RunningRegistry, 'url'>,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<Answer> {
  const res = await fetch(r.url + path, {
    method,
    headers: {
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(token && { authorization: `Bearer ${token}` }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // metrics and other text answers stay text
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** Creates a token through the API with the registry's admin token and returns it. */
export async function createToken(
  r: Pick<RunningRegistry, 'url' | 'token'>,
  name: string,
  role: string,
  domains: string[] = [],
  expires?: string,
): Promise<{ id: string; token: string }> {
  const answer = await call(r, 'POST', '/v1/tokens', r.token, { name, role, domains, ...(expires && { expires }) });
  if (answer.status !== 201)
    throw new Error(`creating ${name} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return { id: answer.body.id, token: answer.body.token };
}

/** The audit events of one request (by its x-request-id), read with the admin token. */
export async function eventsOf(r: Pick<RunningRegistry, 'url' | 'token'>, requestId: string) {
  const answer = await call(r, 'GET', `/v1/events?requestId=${encodeURIComponent(requestId)}`, r.token);
  return answer.body.events as { actor: string; action: string; subject: string; outcome: string; detail: any }[];
}
