import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/**
 * A small history router: the catalog has five routes, so the URL is parsed
 * where it is used. Links are real <a href>s (open in a new tab, copy the
 * address); a plain click navigates without a reload.
 */
const NAVIGATE = 'dmesh:navigate';

function subscribe(callback: () => void): () => void {
  window.addEventListener('popstate', callback);
  window.addEventListener(NAVIGATE, callback);
  return () => {
    window.removeEventListener('popstate', callback);
    window.removeEventListener(NAVIGATE, callback);
  };
}

const snapshot = () => location.pathname + location.search;

/** The current path and query, re-rendering on navigation. */
export function useLocation(): { path: string; params: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, location.origin);
  return { path: url.pathname, params: url.searchParams };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE));
  if (!options.replace) window.scrollTo(0, 0);
}

export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const click = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={click} {...rest} />;
}

/** The page of a product, or of a consumer outside the mesh (`<domain>:<kind>/<name>`: the only ids with a colon). */
export const productHref = (id: string) =>
  id.includes(':') ? `/consumers/${encodeURIComponent(id)}` : `/products/${encodeURIComponent(id)}`;
export const lineageHref = (id: string) => `/products/${encodeURIComponent(id)}/lineage`;
export const previewHref = (id: string, port: string) =>
  `/products/${encodeURIComponent(id)}/ports/${encodeURIComponent(port)}/preview`;
