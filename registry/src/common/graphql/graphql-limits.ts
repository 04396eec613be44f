import { GraphQLError, Lexer, Source, TokenKind, type ValidationContext, type ValidationRule } from 'graphql';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { errorCodes, type RegistryError } from '../registry-error.js';

/**
 * What one GraphQL request may ask for. Each refusal names the limit and its
 * value. The standard introspection query (depth 13 with its fragments
 * followed) passes wherever introspection is on.
 */
export const GRAPHQL_LIMITS = {
  /** Bytes of a request body (document and variables: impact takes a proposed contract), refused while it is read. */
  bodyBytes: 524_288,
  /** Bytes of the document, checked before it is read. */
  documentBytes: 32_768,
  /** Lexical tokens, counted without recursion before parsing. */
  tokens: 4_000,
  /** Brackets ({ [ () open at once: a literal nested thousands deep never reaches the recursive parser. */
  nesting: 64,
  /** Depth of ordinary selections, fragments and inline fragments followed. */
  depth: 10,
  /** Depth of anything, introspection included. */
  introspectionDepth: 15,
  aliases: 15,
  /** Cost (graphql-cost.ts): list fields count their items (`first`, lineage budgets), from variables and defaults too. */
  cost: 5_000,
  /** Milliseconds a request may run; resolvers still pending then answer TIMEOUT (detail QUERY_TIMEOUT). */
  timeoutMs: 5_000,
} as const;

export class GraphQLLimitError extends errorCodes('graphql', {
  QUERY_LIMIT: {
    status: 400,
    meaning:
      'the GraphQL request exceeds a limit (document size, tokens, nesting, depth, aliases, cost, batching, introspection); details name the limit and its value',
  },
}) {}

/** A refusal naming its limit: `detail` is the limit's code (DEPTH_LIMIT…), `fix` what to send instead. */
export function limitError(detail: string, message: string, fix: string): GraphQLLimitError {
  return new GraphQLLimitError('QUERY_LIMIT', message, [{ code: detail, message, fix }]);
}

/** A registry error as the GraphQLError a hook or validation rule reports (the same extensions the error filter writes). */
export function asGraphQLError(error: RegistryError, retryAfter?: number): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: { code: error.code, status: error.status, details: error.details, ...(retryAfter && { retryAfter }) },
  });
}

/**
 * Size, tokens and bracket nesting of a document, with graphql-js's own lexer
 * (a loop, no recursion): run before parsing, so an oversized or deeply nested
 * document costs a scan, never a parse.
 */
export function checkDocument(source: string): void {
  const bytes = Buffer.byteLength(source);
  if (bytes > GRAPHQL_LIMITS.documentBytes)
    throw limitError(
      'DOCUMENT_TOO_LARGE',
      `the GraphQL document is ${bytes} bytes; the limit is ${GRAPHQL_LIMITS.documentBytes}`,
      'send a smaller document: pass values as variables, drop unused fragments',
    );
  const lexer = new Lexer(new Source(source));
  let [tokens, open] = [0, 0];
  for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
    if (++tokens > GRAPHQL_LIMITS.tokens)
      throw limitError(
        'TOO_MANY_TOKENS',
        `the GraphQL document has more than ${GRAPHQL_LIMITS.tokens} tokens, the limit`,
        'ask for fewer fields, or split the request',
      );
    if (token.kind === TokenKind.BRACE_L || token.kind === TokenKind.BRACKET_L || token.kind === TokenKind.PAREN_L)
      open++;
    else if (token.kind === TokenKind.BRACE_R || token.kind === TokenKind.BRACKET_R || token.kind === TokenKind.PAREN_R)
      open--;
    if (open > GRAPHQL_LIMITS.nesting)
      throw limitError(
        'NESTED_TOO_DEEP',
        `the GraphQL document nests brackets more than ${GRAPHQL_LIMITS.nesting} deep, the limit`,
        'flatten the literal, or pass it as a variable',
      );
  }
}

/** Reports a refusal from an armor rule as our coded error, with our wording. */
const reportAs =
  (detail: string, message: (found: string) => string, fix: string) =>
  (context: ValidationContext | null, err: GraphQLError) =>
    context?.reportError(asGraphQLError(limitError(detail, message(/found (\d+)/.exec(err.message)?.[1] ?? '?'), fix)));

/** Depth (ordinary and introspection) and alias limits, graphql-armor's rules with fragments followed. */
export function limitRules(introspection: boolean): ValidationRule[] {
  const depth = (n: number, ignoreIntrospection: boolean, what: string) =>
    maxDepthRule({
      n,
      ignoreIntrospection,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [
        reportAs(
          'DEPTH_LIMIT',
          (found) => `the ${what} is ${found} levels deep; the limit is ${n}`,
          'ask for fewer nested levels; fetch deeper data with a second query',
        ),
      ],
    });
  return [
    depth(GRAPHQL_LIMITS.depth, true, 'query'),
    depth(GRAPHQL_LIMITS.introspectionDepth, false, 'query (introspection included)'),
    maxAliasesRule({
      n: GRAPHQL_LIMITS.aliases,
      propagateOnRejection: false,
      onReject: [
        reportAs(
          'ALIAS_LIMIT',
          (found) => `the query has ${found} aliases; the limit is ${GRAPHQL_LIMITS.aliases}`,
          'send fewer aliased fields per request',
        ),
      ],
    }),
    ...(introspection ? [] : [noIntrospection]),
  ];
}

/** Introspection off (production unless DMESH_GRAPHQL_INTROSPECTION=1): __schema and __type are refused. */
export const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value !== '__schema' && node.name.value !== '__type') return;
    const error = limitError(
      'INTROSPECTION_OFF',
      `introspection (${node.name.value}) is off on this registry`,
      'use the committed contracts/schema.graphql, or start the registry with DMESH_GRAPHQL_INTROSPECTION=1',
    );
    context.reportError(asGraphQLError(error));
  },
});
