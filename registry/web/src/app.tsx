import { AuthPrompt } from './auth-prompt';
import { ConsumerPage } from './consumer/consumer-page';
import { DomainsPage } from './domains/domains-page';
import { LineagePage } from './lineage/lineage-page';
import { PreviewPage } from './preview/preview-page';
import { ProductPage } from './product/product-page';
import { Link, useLocation } from './router';
import { SearchPage } from './search/search-page';

/** The GraphQL browser IDE is served in development only; the registry marks the page when it is off. */
const GRAPHIQL = document.querySelector('meta[name="dmesh-graphiql"]')?.getAttribute('content') !== 'off';

/** The routes the registry serves this page at (registry/src/web/web-ui.ts WEB_PAGES). */
function Route({ path }: { path: string }) {
  const product = /^\/products\/([^/]+)(?:\/(lineage)|\/ports\/([^/]+)\/preview)?\/?$/.exec(path);
  if (product) {
    const id = decodeURIComponent(product[1]);
    if (product[2]) return <LineagePage key={id} id={id} />;
    if (product[3]) return <PreviewPage key={id + product[3]} id={id} port={decodeURIComponent(product[3])} />;
    return <ProductPage key={id} id={id} />;
  }
  const consumer = /^\/consumers\/([^/]+)\/?$/.exec(path);
  if (consumer) return <ConsumerPage key={consumer[1]} id={decodeURIComponent(consumer[1])} />;
  if (path === '/domains') return <DomainsPage />;
  if (path === '/') return <SearchPage />;
  return (
    <p role="alert">
      No page at {path}. <Link href="/">Search the catalog</Link>
    </p>
  );
}

export function App() {
  const { path } = useLocation();
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <nav aria-label="Main">
          <Link href="/" className="brand">
            dmesh catalog
          </Link>
          <Link href="/" aria-current={path === '/' ? 'page' : undefined}>
            Search
          </Link>
          <Link href="/domains" aria-current={path === '/domains' ? 'page' : undefined}>
            Domains
          </Link>
          {GRAPHIQL && <a href="/graphiql">GraphQL</a>}
          <a href="/docs">REST API</a>
        </nav>
      </header>
      <main id="main">
        <Route path={path} />
      </main>
      <AuthPrompt />
    </>
  );
}
