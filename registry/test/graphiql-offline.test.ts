import { createApp } from '../src/app.factory.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/**
 * The IDE works with no internet: the page and everything it loads come from
 * this registry. A browser test would watch the network; without one here,
 * this checks at the HTTP level what a browser would fetch: every src/href of
 * the page is a path on this server and answers 200, and no http(s) URL of
 * another host is in any of them, except identifiers a browser never fetches.
 */
const INERT_HOSTS: Record<string, string> = {
  'www.w3.org': 'XML namespaces (SVG, MathML, XHTML) in React DOM and GraphiQL icons',
  'reactjs.org': "React's error-decoder link in error messages",
  'github.com': 'links in GraphiQL error messages and licence comments',
  'codemirror.net': 'a documentation link in an editor error message',
  'commonmark.org': 'a documentation link in the markdown renderer',
  'en.wikipedia.org': 'a link in a number-formatting comment',
};

let db: TestDatabase;
let url: string;
let close: () => Promise<void>;

beforeAll(async () => {
  db = await createTestDatabase();
  const app = await createApp(db.dataSource, { logger: false, ide: true, introspection: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  close = () => app.close();
});
afterAll(async () => {
  await close();
  await db.drop();
});

const externalHosts = (text: string) =>
  [...text.matchAll(/https?:\/\/([a-z0-9.-]+)/gi)].map((m) => m[1].toLowerCase()).filter((h) => h !== '127.0.0.1');

describe('the GraphQL IDE at /graphiql', () => {
  it('loads every script and style from this registry, none from another host', async () => {
    const page = await fetch(`${url}/graphiql`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(externalHosts(html)).toEqual([]);
    const refs = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(refs).toHaveLength(5);
    for (const ref of refs) {
      expect(ref).toMatch(/^\/graphiql\/assets\//);
      const asset = await fetch(new URL(ref, url));
      expect(asset.status).toBe(200);
      const text = await asset.text();
      const unknown = externalHosts(text).filter((host) => !(host in INERT_HOSTS));
      expect({ ref, unknown }).toEqual({ ref, unknown: [] });
      if (ref.endsWith('.css')) expect(text.match(/url\((?!data:)[^)]*\)/g) ?? []).toEqual([]);
    }
  });

  it('points GraphiQL at this registry’s /graphql, which answers it', async () => {
    const start = await (await fetch(`${url}/graphiql/assets/start.js`)).text();
    expect(start).toContain("new URL('/graphql', location.href)");
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
    });
    expect(await res.json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('answers an unknown asset 404, naming the ones there are', async () => {
    const res = await fetch(`${url}/graphiql/assets/explorer.js`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { message: string }).message).toContain('react.js, react-dom.js, graphiql.js');
  });
});
