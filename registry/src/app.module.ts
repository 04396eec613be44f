import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { AuditModule } from './audit/audit.module.js';
import type { AccessConfig } from './auth/access-config.js';
import { AuthModule } from './auth/auth.module.js';
import { ClockModule } from './common/clock.module.js';
import { GraphiqlController } from './common/graphql/graphiql.controller.js';
import { checkCost } from './common/graphql/graphql-cost.js';
import { graphqlErrorFormatter } from './common/graphql/graphql-errors.js';
import {
  GRAPHQL_LIMITS,
  GraphQLLimitError,
  asGraphQLError,
  checkDocument,
  limitRules,
} from './common/graphql/graphql-limits.js';
import { Deadline, withDeadlines } from './common/graphql/graphql-timeout.js';
import { CpuModule } from './common/cpu/cpu.module.js';
import { describeErrorCodes } from './common/registry-error.js';
import { RegistryErrorFilter } from './common/registry-error.filter.js';
import { ContractsModule } from './contracts/contracts.module.js';
import { ContractsService } from './contracts/contracts.service.js';
import { DiscoveryModule } from './discovery/discovery.module.js';
import { createLoaders } from './discovery/loaders.js';
import { SearchService } from './discovery/search.service.js';
import { GovernanceModule } from './governance/governance.module.js';
import { HealthController } from './health/health.controller.js';
import { LineageModule } from './lineage/lineage.module.js';
import { OpsModule, type OpsOptions } from './ops/ops.module.js';
import { ProductsModule } from './products/products.module.js';
import { ProductsService } from './products/products.service.js';
import { PublishModule } from './publish/publish.module.js';
import { SlaModule } from './sla/sla.module.js';

export interface AppOptions {
  dataSource: DataSource;
  /** Serve the GraphiQL browser IDE at /graphiql. */
  ide: boolean;
  /** Answer introspection and suggest field names in errors (default: as `ide`: development only). */
  introspection?: boolean;
  /** Another GraphQL driver module (the driver benchmark compares Apollo with Mercurius). */
  graphql?: DynamicModule;
  /** Anonymous reads and the production switch (default: development, anonymous reads on). */
  access?: AccessConfig;
  /** Rate limit (default: none). */
  ops?: OpsOptions;
}

/** What every GraphQL request gets: its own DataLoaders (each level of a query is one SQL statement) and deadline. */
export const graphqlContext =
  (products: ProductsService, contracts: ContractsService, searches: SearchService) => () => ({
    loaders: createLoaders(products, contracts, searches),
    deadline: new Deadline(),
  });

/** The schema's description documents the error codes a client can branch on (`extensions.code`). */
export function describeSchema(schema: GraphQLSchema): GraphQLSchema {
  const description = `dmesh registry: discovery, lineage and governance reads.\n\nErrors carry extensions.code and extensions.status:\n${describeErrorCodes()}`;
  const query = schema.getQueryType();
  if (query) query.description = 'Discovery (search, fields, product), lineage and governance reads.';
  return new GraphQLSchema({ ...schema.toConfig(), description });
}

type Hooks = NonNullable<MercuriusDriverConfig['hooks']>;

/** The limits that run outside validation: document size/tokens/nesting before parsing, cost with variables, deadline. */
const limitHooks: Hooks = {
  preParsing: [
    async (_schema, source) => {
      try {
        checkDocument(source);
      } catch (err) {
        throw err instanceof GraphQLLimitError ? asGraphQLError(err) : err;
      }
    },
  ],
  preExecution: [
    async (schema, document, context, variables) => {
      const request = (context as { reply?: { request: { body?: unknown; query?: unknown } } }).reply?.request;
      const { operationName } = (request?.body ?? request?.query ?? {}) as { operationName?: string };
      try {
        checkCost(schema, document, variables as Record<string, unknown>, operationName);
      } catch (err) {
        throw err instanceof GraphQLLimitError ? asGraphQLError(err) : err;
      }
    },
  ],
  onResolution: [async (_execution, context) => (context as { deadline?: Deadline }).deadline?.clear()],
};

/**
 * Mercurius (graphql-jit) on Fastify: faster than Apollo on this codebase (see
 * `npm run bench`, graphql.* figures), with the limits of GRAPHQL_LIMITS:
 * graphql-armor's depth and alias rules, graphql-query-complexity's cost (in
 * preExecution, where variables are known), a lexer scan before parsing,
 * no batches, a per-request deadline; introspection and field suggestions only
 * where `introspection` is on.
 */
function mercuriusGraphQL(options: { introspection: boolean }): DynamicModule {
  return GraphQLModule.forRootAsync<MercuriusDriverConfig>({
    driver: MercuriusDriver,
    imports: [ProductsModule, ContractsModule, DiscoveryModule],
    inject: [ProductsService, ContractsService, SearchService],
    useFactory: (products: ProductsService, contracts: ContractsService, searches: SearchService) => ({
      autoSchemaFile: true,
      sortSchema: true,
      graphiql: false, // served from npm packages by GraphiqlController: no CDN
      // Errors thrown in field resolvers go through RegistryErrorFilter too, so they carry extensions.code.
      fieldResolverEnhancers: ['filters'],
      path: '/graphql',
      allowBatchedQueries: false,
      additionalRouteOptions: { bodyLimit: GRAPHQL_LIMITS.bodyBytes },
      validationRules: limitRules(options.introspection),
      errorFormatter: graphqlErrorFormatter(options.introspection),
      hooks: limitHooks,
      jit: 1,
      context: graphqlContext(products, contracts, searches),
      transformSchema: (schema: GraphQLSchema) => withDeadlines(describeSchema(schema)),
    }),
  });
}

/** The DataSource is created (and migrated) by the caller, so tests, the server and the API-doc emitter share one wiring. */
@Module({})
export class AppModule {
  static register(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        ClockModule,
        CpuModule,
        AuditModule,
        AuthModule.register(options.access),
        OpsModule.register(options.ops),
        PublishModule,
        ContractsModule,
        ProductsModule,
        DiscoveryModule,
        GovernanceModule,
        LineageModule,
        SlaModule,
        options.graphql ?? mercuriusGraphQL({ introspection: options.introspection ?? options.ide }),
      ],
      controllers: [HealthController, ...(options.ide ? [GraphiqlController] : [])],
      providers: [
        { provide: DataSource, useValue: options.dataSource },
        { provide: APP_FILTER, useClass: RegistryErrorFilter },
      ],
      exports: [DataSource],
    };
  }
}
