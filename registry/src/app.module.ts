import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { DataSource } from 'typeorm';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { RegistryErrorFilter } from './common/registry-error.filter.js';
import { DiscoveryModule } from './discovery/discovery.module.js';
import { GovernanceModule } from './governance/governance.module.js';
import { createLoaders } from './discovery/loaders.js';
import { HealthController } from './health/health.controller.js';
import { LineageModule } from './lineage/lineage.module.js';
import { CatalogService } from './products/catalog.service.js';
import { ProductsModule } from './products/products.module.js';
import { SlaModule } from './sla/sla.module.js';

export interface AppOptions {
  dataSource: DataSource;
  /** Serve the GraphiQL browser IDE at /graphiql. */
  ide: boolean;
}

/** The DataSource is created (and migrated) by the caller, so tests, the server and the API-doc emitter share one wiring. */
@Module({})
export class AppModule {
  static register(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        AuditModule,
        AuthModule,
        ProductsModule,
        DiscoveryModule,
        GovernanceModule,
        LineageModule,
        SlaModule,
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          imports: [ProductsModule],
          inject: [CatalogService],
          useFactory: (catalog: CatalogService) => ({
            autoSchemaFile: true,
            sortSchema: true,
            graphiql: options.ide,
            // Errors thrown in field resolvers go through RegistryErrorFilter too, so they carry extensions.code.
            fieldResolverEnhancers: ['filters'],
            path: '/graphql',
            context: () => ({ loaders: createLoaders(catalog) }),
          }),
        }),
      ],
      controllers: [HealthController],
      providers: [{ provide: DataSource, useValue: options.dataSource }, { provide: APP_FILTER, useClass: RegistryErrorFilter }],
      exports: [DataSource],
    };
  }
}
