import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = {
  security?: Record<string, string[]>[];
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
};

const ERROR_BODY = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorDto' } } };
const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 0 } },
};

/** The answers every operation may give besides its own, as reusable responses (all with the common error body). */
const RESPONSES = {
  BadRequest:
    'A parameter or the body is malformed: empty, repeated, out of range, not of its pattern, or with NUL characters, lone surrogates or forbidden keys; details name it.',
  Unauthenticated: 'No token, or an unknown, expired or revoked one.',
  Forbidden: "The token's role or domains do not allow this.",
  PayloadTooLarge: 'The body is larger than 4 MB.',
  UriTooLong: 'The URL is longer than 8 KB, or a path parameter longer than 200 characters.',
  UnsupportedMediaType: 'The body is not application/json.',
  TooManyRequests: 'Too many requests from this client; retry after Retry-After.',
  Unavailable:
    'The database is unavailable, the registry is stopping, too many heavy requests run at once (BUSY), or the request ran out of time (TIMEOUT); retry after Retry-After.',
};

type ResponseName = keyof typeof RESPONSES;

/**
 * Lists on every operation the statuses the HTTP layer and the guards can
 * answer it with (they are the same for every route, so they are added here
 * rather than on each handler): 400 when it takes input, 401 and 403 when it
 * needs a token (reads are open: `security: []`), 413 and 415 when it takes a
 * body, and 414, 429 and 503 always. An operation's own description of a
 * status is kept.
 */
export function addStandardResponses(document: OpenAPIObject): void {
  document.components = {
    ...document.components,
    responses: responsesComponent() as NonNullable<OpenAPIObject['components']>['responses'],
  };
  document.servers = [{ url: '/', description: 'The registry serving this document' }];
  for (const item of Object.values(document.paths))
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (op) addTo(op, method);
    }
}

function addTo(op: Operation, method: string): void {
  const secured = (op.security ?? []).length > 0;
  if (!secured) op.security = [];
  const add = (status: number, name: ResponseName) => {
    op.responses[status] ??= { $ref: `#/components/responses/${name}` };
  };
  if (op.requestBody || op.parameters?.length) add(400, 'BadRequest');
  if (secured) add(401, 'Unauthenticated');
  if (secured && method !== 'get') add(403, 'Forbidden');
  if (op.requestBody) add(413, 'PayloadTooLarge');
  add(414, 'UriTooLong');
  if (op.requestBody) add(415, 'UnsupportedMediaType');
  add(429, 'TooManyRequests');
  add(503, 'Unavailable');
  op.responses = Object.fromEntries(Object.entries(op.responses).sort(([a], [b]) => a.localeCompare(b)));
}

function responsesComponent(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(RESPONSES).map(([name, description]) => [
      name,
      {
        description,
        content: ERROR_BODY,
        ...((name === 'Unavailable' || name === 'TooManyRequests') && { headers: RETRY_AFTER }),
      },
    ]),
  );
}
