import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { execute, parse } from 'graphql';
import type { DataSource } from 'typeorm';
import { AppModule, graphqlContext } from '../app.module.js';
import { DiscoveryModule } from '../discovery/discovery.module.js';
import { SearchService } from '../discovery/search.service.js';
import { ContractsModule } from '../contracts/contracts.module.js';
import { ContractsService } from '../contracts/contracts.service.js';
import { ProductsModule } from '../products/products.module.js';
import { ProductsService } from '../products/products.service.js';
import { PublishPipeline } from '../publish/publish.pipeline.js';
import { benchDatabase, percentile } from './bench-db.js';

type Figure = { value: number; unit: string; baseline?: number; ratio?: number; scale: string };

const QUERY = `{ search(first: 100) { totalCount edges { cursor node { id title description owner { team email } tags classification tier latestVersion versions { version publishedAt } } } } }`;

function apolloGraphQL() {
  return GraphQLModule.forRootAsync<ApolloDriverConfig>({
    driver: ApolloDriver,
    imports: [ProductsModule, ContractsModule, DiscoveryModule],
    inject: [ProductsService, ContractsService, SearchService],
    useFactory: (products: ProductsService, contracts: ContractsService, searches: SearchService) => ({
      autoSchemaFile: true,
      sortSchema: true,
      path: '/graphql',
      playground: false,
      context: graphqlContext(products, contracts, searches),
    }),
  });
}

/** 120 small products published through the real pipeline (5 per domain). */
async function seed(app: NestFastifyApplication): Promise<void> {
  const pipeline = app.get(PublishPipeline);
  const admin = { name: 'bench', role: 'admin' as const, domains: [] };
  for (let i = 0; i < 120; i++) {
    const domain = `domain-${Math.floor(i / 5)}`;
    const name = `product-${i}`;
    await pipeline.publish(
      `${domain}.${name}`,
      {
        descriptor: {
          apiVersion: 'dmesh.io/v1',
          kind: 'DataProduct',
          metadata: {
            domain,
            name,
            version: '1.0.0',
            title: `Product ${i}`,
            description: `Benchmark product number ${i}, one row per event.`,
            owner: { team: `team-${i % 7}`, email: 'team@example.com' },
            tags: ['bench', `t${i % 4}`],
          },
          spec: {
            outputs: [
              {
                name: 'events',
                kind: 'table',
                format: 'parquet',
                location: `s3://lake/${domain}/${name}/`,
                contract: 'c.json',
              },
            ],
          },
        },
        contracts: { 'c.json': { type: 'object', properties: { id: { type: 'string', description: 'Key.' } } } },
        domain: {
          apiVersion: 'dmesh.io/v1',
          kind: 'Domain',
          name: domain,
          description: 'Bench.',
          owner: { team: 'bench', email: 'bench@example.com' },
        },
      },
      admin,
    );
  }
}

async function time(n: number, run: () => Promise<void>): Promise<number[]> {
  for (let i = 0; i < Math.min(20, n); i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  return samples;
}

async function measureDriver(
  dataSource: DataSource,
  n: number,
  graphql?: ReturnType<typeof apolloGraphQL>,
): Promise<{ http: number[]; raw: number[] }> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({ dataSource, ide: false, ...(graphql && { graphql }) }),
    new FastifyAdapter(),
    { logger: false },
  );
  await app.init();
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/graphql`;
    const body = JSON.stringify({ query: QUERY });
    const http = await time(n, async () => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const json = (await res.json()) as { data?: { search: { edges: unknown[] } } };
      if (json.data?.search.edges.length !== 100)
        throw new Error(`unexpected answer: ${JSON.stringify(json).slice(0, 200)}`);
    });
    const schema = app.get(GraphQLSchemaHost).schema;
    const document = parse(QUERY);
    const context = graphqlContext(app.get(ProductsService), app.get(ContractsService), app.get(SearchService));
    const raw = await time(n, async () => {
      const result = await execute({ schema, document, contextValue: context() });
      if (result.errors) throw new Error(result.errors[0].message);
    });
    return { http, raw };
  } finally {
    await app.close();
  }
}

/**
 * The GraphQL driver choice (issue 2): a 100-item list query over HTTP on
 * Mercurius (graphql-jit) and on Apollo, same app, same database; baseline =
 * raw graphql-js executing the same query on the same schema and resolvers.
 */
export async function runGraphqlDriverBench(scale: 'full' | 'quick'): Promise<Record<string, Figure>> {
  const n = scale === 'full' ? 400 : 100;
  const db = await benchDatabase();
  try {
    const seeder = await NestFactory.create<NestFastifyApplication>(
      AppModule.register({ dataSource: db.dataSource, ide: false }),
      new FastifyAdapter(),
      { logger: false },
    );
    await seeder.init();
    await seed(seeder);
    await seeder.close();
    const mercurius = await measureDriver(db.dataSource, n);
    const apollo = await measureDriver(db.dataSource, n, apolloGraphQL());
    const raw = percentile([...mercurius.raw, ...apollo.raw], 50);
    const fig = (samples: number[]): Figure => {
      const value = percentile(samples, 50);
      return {
        value: round(value),
        unit: 'ms',
        baseline: round(raw),
        ratio: round(value / raw),
        scale: `${n} requests, 100 items`,
      };
    };
    return {
      'graphql.list100_mercurius_median_ms': fig(mercurius.http),
      'graphql.list100_apollo_median_ms': fig(apollo.http),
      'graphql.list100_mercurius_p99_ms': {
        ...fig(mercurius.http),
        value: round(percentile(mercurius.http, 99)),
        ratio: round(percentile(mercurius.http, 99) / raw),
      },
      'graphql.list100_apollo_p99_ms': {
        ...fig(apollo.http),
        value: round(percentile(apollo.http, 99)),
        ratio: round(percentile(apollo.http, 99) / raw),
      },
    };
  } finally {
    await db.close();
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;
