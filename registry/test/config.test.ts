import { ConfigError, readConfig } from '../src/config.js';

describe('readConfig: one switch for production', () => {
  it('the embedded start is development: anonymous reads, the GraphQL IDE and introspection on', () => {
    const config = readConfig({});
    expect([config.access.production, config.access.anonymousRead, config.ide, config.introspection]).toEqual([
      false,
      true,
      true,
      true,
    ]);
  });

  it.each([
    ['an external database', { DATABASE_URL: 'postgres://dmesh@db.internal:5432/dmesh' }],
    ['NODE_ENV=production', { NODE_ENV: 'production' }],
  ])('%s is production: no anonymous reads, no IDE, no introspection unless asked for', (_, env) => {
    const config = readConfig(env);
    expect([config.access.production, config.access.anonymousRead, config.ide, config.introspection]).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(readConfig({ ...env, DMESH_GRAPHQL_INTROSPECTION: '1' }).introspection).toBe(true);
  });

  it('refuses a DATABASE_URL that is not PostgreSQL, naming the variable', () => {
    expect(() => readConfig({ DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    expect(() => readConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
});
