import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ClockModule } from './common/clock.module.js';
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
import { ProductsModule } from './products/products.module.js';
import { ProductsService } from './products/products.service.js';
import { PublishModule } from './publish/publish.module.js';
import { SlaModule } from './sla/sla.module.js';

export interface AppOptions {
  dataSource: DataSource;
  /** Serve the GraphiQL browser IDE at /graphiql. */
  ide: boolean;
  /** Another GraphQL driver module (the driver benchmark compares Apollo with Mercurius). */
  graphql?: DynamicModule;
}

/** Depth limit of GraphQL queries; list sizes are bounded by `first` (≤ 100) and the lineage node budget. */
export const GRAPHQL_MAX_DEPTH = 12;

/** What every GraphQL request gets: its own DataLoaders, so each level of a query is one SQL statement. */
export const graphqlContext =
  (products: ProductsService, contracts: ContractsService, searches: SearchService) => () => ({
    loaders: createLoaders(products, contracts, searches),
  });

/** The schema's description documents the error codes a client can branch on (`extensions.code`). */
export function describeSchema(schema: GraphQLSchema): GraphQLSchema {
  const description = `dmesh registry: discovery, lineage and governance reads.\n\nErrors carry extensions.code and extensions.status:\n${describeErrorCodes()}`;
  return new GraphQLSchema({ ...schema.toConfig(), description });
}

/** Mercurius (graphql-jit) on Fastify: faster than Apollo on this codebase (see `npm run bench`, graphql.* figures). */
function mercuriusGraphQL(ide: boolean): DynamicModule {
  return GraphQLModule.forRootAsync<MercuriusDriverConfig>({
    driver: MercuriusDriver,
    imports: [ProductsModule, ContractsModule, DiscoveryModule],
    inject: [ProductsService, ContractsService, SearchService],
    useFactory: (products: ProductsService, contracts: ContractsService, searches: SearchService) => ({
      autoSchemaFile: true,
      sortSchema: true,
      graphiql: ide,
      // Errors thrown in field resolvers go through RegistryErrorFilter too, so they carry extensions.code.
      fieldResolverEnhancers: ['filters'],
      path: '/graphql',
      queryDepth: GRAPHQL_MAX_DEPTH,
      jit: 1,
      context: graphqlContext(products, contracts, searches),
      transformSchema: describeSchema,
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
        AuditModule,
        AuthModule,
        PublishModule,
        ContractsModule,
        ProductsModule,
        DiscoveryModule,
        GovernanceModule,
        LineageModule,
        SlaModule,
        options.graphql ?? mercuriusGraphQL(options.ide),
      ],
      controllers: [HealthController],
      providers: [
        { provide: DataSource, useValue: options.dataSource },
        { provide: APP_FILTER, useClass: RegistryErrorFilter },
      ],
      exports: [DataSource],
    };
  }
}
