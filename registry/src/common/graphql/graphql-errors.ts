import mercurius from 'mercurius';
import { GraphQLError } from 'graphql';
import { GRAPHQL_LIMITS, asGraphQLError, limitError } from './graphql-limits.js';

type Formatter = typeof mercurius.defaultErrorFormatter;
type Formatted = ReturnType<Formatter>;
type ErrorJson = { message: string; extensions?: { status?: number } };

/** One operation per request: a JSON array of them is refused (batches multiply every other limit). */
const batchRefusal = () =>
  asGraphQLError(
    limitError(
      'BATCH_OFF',
      'batched requests (a JSON array of operations) are off; the limit is one operation per request',
      'send each operation in its own request',
    ),
  );

/**
 * Refusals from Fastify (a body too large, while reading it) and graphql-js
 * (introspection nesting its lists over 3 deep) as coded limit errors.
 */
function asLimit(error: GraphQLError): GraphQLError {
  if ((error.originalError as { code?: string } | undefined)?.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return asGraphQLError(
      limitError(
        'BODY_TOO_LARGE',
        `the request body is over ${GRAPHQL_LIMITS.bodyBytes} bytes, the limit`,
        'send a smaller document and smaller variables',
      ),
    );
  if (error.message === 'Maximum introspection depth exceeded')
    return asGraphQLError(
      limitError(
        'INTROSPECTION_DEPTH',
        'introspection nests fields, interfaces, possibleTypes or inputFields more than 3 deep (graphql-js’s limit)',
        'ask introspection for one level of each list at a time',
      ),
    );
  return error;
}

/**
 * Mercurius's formatter, then: a batch gets its own refusal; with field
 * suggestions off (production) "Did you mean …?" is cut from messages, so the
 * schema cannot be guessed through them; a request answered without data
 * takes the highest status its errors carry (400 for a limit).
 */
export function graphqlErrorFormatter(suggestions: boolean): Formatter {
  return (execution, context) => {
    const body = (context as { reply?: { request?: { body?: unknown } } } | undefined)?.reply?.request?.body;
    const raised = Array.isArray(body) ? [batchRefusal()] : (execution.errors ?? []).map(asLimit);
    const input = { ...execution, ...(Array.isArray(body) && { data: null }), errors: raised };
    const formatted: Formatted = mercurius.defaultErrorFormatter(input, context);
    const errors = (formatted.response.errors ?? []) as unknown as ErrorJson[];
    const cleaned = suggestions
      ? errors
      : errors.map((e) => ({ ...e, message: e.message.replace(/ ?Did you mean .*$/, '') }));
    const statuses = cleaned.map((e) => e.extensions?.status).filter((s): s is number => typeof s === 'number');
    const refused = !formatted.response.data && statuses.length > 0;
    return {
      statusCode: refused ? Math.max(...statuses) : formatted.statusCode,
      response: { ...formatted.response, errors: cleaned as never },
    };
  };
}
