import { request } from 'node:http';

/** How a request ended: an answer (status and JSON body), or a connection error with its code. */
export type Outcome =
  { status: number; body: any; headers: Record<string, string | string[] | undefined> } | { error: string };

/**
 * One request on its own connection (no keep-alive pool): whether a stopping
 * registry answered it or refused the connection is then the registry's
 * doing, never a pooled socket closed between two requests.
 */
export function call(url: string, method: string, body?: unknown, token?: string): Promise<Outcome> {
  const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method,
        agent: false,
        headers: {
          ...(text !== undefined && { 'content-type': 'application/json' }),
          ...(token && { authorization: `Bearer ${token}` }),
        },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (data += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: parse(data), headers: res.headers }));
        res.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    req.end(text);
  });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const answered = (o: Outcome): o is Extract<Outcome, { status: number }> => 'status' in o;

/** An error answer carries the common body: a code, a message and details. */
export function hasCommonBody(o: Outcome): boolean {
  if (!answered(o)) return false;
  const b = o.body as { code?: unknown; message?: unknown; details?: unknown };
  return typeof b?.code === 'string' && typeof b.message === 'string' && Array.isArray(b.details);
}
