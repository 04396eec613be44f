import { isObjectType, type GraphQLSchema } from 'graphql';
import type { GraphQLError } from 'graphql';
import { toErrorResponse } from '../error-response.js';
import { RequestError } from '../registry-error.js';
import { GRAPHQL_LIMITS, asGraphQLError } from './graphql-limits.js';

/** One request's time limit: resolvers started after it refuse, pending ones give up when it passes. */
export class Deadline {
  private timer?: NodeJS.Timeout;
  private passed?: Promise<never>;

  constructor(
    private readonly ms: number = GRAPHQL_LIMITS.timeoutMs,
    private readonly at = Date.now() + ms,
  ) {}

  /** TIMEOUT naming the limit, as a GraphQL error (resolvers wrapped here are outside Nest's error filter). */
  error(): GraphQLError {
    const message = `the GraphQL request ran longer than its limit of ${this.ms} ms`;
    const error = new RequestError('TIMEOUT', message, [
      {
        code: 'QUERY_TIMEOUT',
        message,
        fix: 'ask for less: smaller pages (first), fewer nested lists, a smaller lineage budget',
      },
    ]);
    return asGraphQLError(error, toErrorResponse(error).retryAfter);
  }

  expired(): boolean {
    return Date.now() > this.at;
  }

  /** Settles as `work` does, or rejects when the deadline passes first. */
  race<T>(work: Promise<T>): Promise<T> {
    this.passed ??= new Promise<never>((_, reject) => {
      this.timer = setTimeout(() => reject(this.error()), Math.max(this.at - Date.now(), 0));
      this.timer.unref();
    });
    this.passed.catch(() => undefined); // nobody may be waiting when it passes
    return Promise.race([work, this.passed]);
  }

  /** The request is answered: its timer goes. */
  clear(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}

/**
 * Every resolver of the schema (fields with their own resolve function) runs
 * under the request's deadline (`context.deadline`), so a slow request answers
 * QUERY_TIMEOUT at the limit instead of holding its client and the registry.
 */
export function withDeadlines(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve) continue;
      field.resolve = (source, args, context, info) => {
        const deadline = (context as { deadline?: Deadline } | undefined)?.deadline;
        if (!deadline) return resolve(source, args, context, info);
        if (deadline.expired()) throw deadline.error();
        const result = resolve(source, args, context, info);
        return result instanceof Promise ? deadline.race(result) : result;
      };
    }
  }
  return schema;
}
