import type { DocumentNode, GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { GRAPHQL_LIMITS, limitError } from './graphql-limits.js';

type Cost = (args: Record<string, any>, child: number) => number;

/** A list of at most `n` items: each costs what its selection costs. */
const list =
  (n: number): Cost =>
  (_, child) =>
    n * Math.max(child, 1);
/**
 * Up to `n` rows of scalars read by one batched statement (no resolver per
 * row): ten of them cost what one resolved list item does, so a port's whole
 * SLA history (1,000 observations) fits a query of five ports.
 */
const rows =
  (n: number): Cost =>
  (_, child) =>
    Math.ceil((n / 10) * Math.max(child, 1));
const free: Cost = () => 0;
/** A lineage walk: its node budget (default 5,000) is the work, its nodes and edges come with it. */
const walk: Cost = (args, child) => 10 + Math.ceil((args.budget ?? 5000) / 10) + child;

/**
 * What a field costs beyond 1 + its selection, by `Type.field`: lists
 * count their items (a page counts `first`, from a variable or the default
 * too; a lineage walk its budget). Connection-level fields (counts, facets,
 * page info) cost nothing of their own: they are one query whatever the page.
 */
const COSTS: Record<string, Cost> = {
  'Query.search': (args, child) => 10 + (args.first ?? 20) * child,
  'Query.fields': (args, child) => 10 + (args.first ?? 20) * child,
  'ProductConnection.facets': () => 20,
  'ProductConnection.pageInfo': free,
  'ProductConnection.totalCount': free,
  'ProductConnection.correctedQuery': free,
  'FieldConnection.pageInfo': free,
  'FieldConnection.totalCount': () => 5,
  'Query.domains': list(200),
  'Query.policies': list(50),
  'Query.consumers': list(50),
  'Query.lineage': walk,
  'Product.lineage': walk,
  'Query.paths': (_, child) => 100 + child,
  'Query.impact': (_, child) => 200 + child,
  'Query.lineageDrift': list(20),
  'Product.versions': list(10),
  'Product.majorLines': list(3),
  'Product.consumers': list(20),
  'MajorLine.consumers': list(20),
  'ProductVersion.ports': list(5),
  'ProductVersion.inputs': list(10),
  'OutputPort.quality': list(10),
  'OutputPort.slaHistory': (args, child) => rows(args.last ?? 1000)(args, child),
  'GovernanceReport.results': list(20),
};

const tableEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const cost = COSTS[`${type.name}.${field.name}`];
  return cost ? cost(args, childComplexity) : undefined;
};

/** Costs already computed, by document (Mercurius parses a query text once) and the values that change a cost. */
const known = new WeakMap<DocumentNode, Map<string, number>>();

/**
 * The cost of the operation a request runs, with its variables; refused above
 * the limit, naming both. Only numbers (first, budget) and booleans (@include,
 * @skip) among the variables change a cost, so it is computed once for those.
 */
export function checkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string,
): number {
  const shape = JSON.stringify([
    operationName,
    Object.entries(variables ?? {}).filter(([, v]) => typeof v === 'number' || typeof v === 'boolean'),
  ]);
  if (!known.has(document)) known.set(document, new Map());
  const costs = known.get(document)!;
  const cost = costs.get(shape) ?? computeCost(schema, document, variables, operationName);
  if (costs.size < 100) costs.set(shape, cost);
  if (cost > GRAPHQL_LIMITS.cost)
    throw limitError(
      'COST_LIMIT',
      `the query costs ${cost}; the limit is ${GRAPHQL_LIMITS.cost} (a list counts each item it may return: first, lineage budget)`,
      'ask for smaller pages (first), fewer nested lists or a smaller lineage budget',
    );
  return cost;
}

function computeCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string,
): number {
  return getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    ...(operationName && { operationName }),
    estimators: [tableEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
}
