import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { graphql } from '../api/graphql';
import { SEARCH } from '../api/queries';
import type { SearchHit, SearchResult } from '../api/types';
import { useQuery } from '../api/use-query';
import { navigate, productHref, useLocation } from '../router';
import { ErrorBox, Loading, words } from '../ui/common';
import { Facets } from './facets';
import { ResultCard } from './result-card';
import { SORTS, searchHref, searchVariables } from './search-params';

/** As-you-type: the address follows the box after a short pause, and the search follows the address. */
function useSearchBox(params: URLSearchParams) {
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const typed = useRef(q);
  useEffect(() => {
    if (q !== typed.current) setText((typed.current = q));
  }, [q]);
  useEffect(() => {
    if (text === typed.current) return;
    const timer = setTimeout(() => {
      typed.current = text;
      const next = new URLSearchParams(params);
      if (text.trim()) next.set('q', text);
      else next.delete('q');
      navigate(searchHref(next), { replace: true });
    }, 180);
    return () => clearTimeout(timer);
  }, [text, params]);
  return [text, setText] as const;
}

/** Up/Down move between results (from the box into the list), Escape goes back to the box. */
function moveFocus(event: KeyboardEvent<HTMLElement>, input: HTMLInputElement | null) {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('.result-link')];
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (event.key === 'ArrowDown' && links.length) links[Math.min(at + 1, links.length - 1)].focus();
  else if (event.key === 'ArrowUp') (at <= 0 ? input : links[at - 1])?.focus();
  else if (event.key === 'Escape') input?.focus();
  else return;
  event.preventDefault();
}

function useMore(variables: Record<string, unknown>) {
  const [more, setMore] = useState<{ key: string; edges: SearchHit[]; after: string | null }>();
  const key = JSON.stringify(variables);
  const extra = more?.key === key ? more : undefined;
  const load = async (after: string) => {
    const data = await graphql<SearchResult>(SEARCH, { ...variables, after, first: 20 });
    setMore({ key, edges: [...(extra?.edges ?? []), ...data.search.edges], after: data.search.pageInfo.endCursor });
  };
  return { extra, load };
}

interface BarProps {
  text: string;
  setText: (text: string) => void;
  sort: string;
  params: URLSearchParams;
  input: RefObject<HTMLInputElement>;
  onKey: (e: KeyboardEvent<HTMLElement>) => void;
}

function SearchBar({ text, setText, sort, params, input, onKey }: BarProps) {
  const setSort = (value: string) => {
    const next = new URLSearchParams(params);
    next.set('sort', value.toLowerCase());
    navigate(searchHref(next), { replace: true });
  };
  return (
    <div className="search-bar" role="search">
      <label htmlFor="search-input" className="visually-hidden">
        Search products
      </label>
      <input
        id="search-input"
        ref={input}
        type="search"
        placeholder="Search products, tags, fields… (↓ to move through results)"
        value={text}
        autoFocus
        autoComplete="off"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKey}
      />
      <label htmlFor="search-sort" className="visually-hidden">
        Sort
      </label>
      <select id="search-sort" value={sort} onChange={(e) => setSort(e.target.value)}>
        {SORTS.map((s) => (
          <option key={s} value={s}>
            {s === 'RELEVANCE' ? 'best match' : words(s)}
          </option>
        ))}
      </select>
    </div>
  );
}

function Summary({ result, query }: { result?: SearchResult['search']; query?: string }) {
  return (
    <p className="summary" aria-live="polite">
      {result && (
        <>
          {result.totalCount} product(s)
          {result.correctedQuery && (
            <>
              {' '}
              — no product has “{query}”; showing results for <strong>“{result.correctedQuery}”</strong>
            </>
          )}
          {!query && ' — most consumed first'}
        </>
      )}
    </p>
  );
}

export function SearchPage() {
  const { params } = useLocation();
  const [text, setText] = useSearchBox(params);
  const input = useRef<HTMLInputElement>(null);
  const variables = searchVariables(params);
  const { data, error, loading } = useQuery<SearchResult>(SEARCH, variables);
  const { extra, load } = useMore(variables);
  const result = data?.search;
  const edges = [...(result?.edges ?? []), ...(extra?.edges ?? [])];
  const nextCursor = extra ? extra.after : result?.pageInfo.hasNextPage ? result.pageInfo.endCursor : null;
  const onKey = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Enter' && e.currentTarget === input.current && edges[0]) navigate(productHref(edges[0].node.id));
    else moveFocus(e, input.current);
  };
  return (
    <div className="search-layout">
      <div className="search-main">
        <h1 className="visually-hidden">Search the catalog</h1>
        <SearchBar text={text} setText={setText} sort={variables.sort} params={params} input={input} onKey={onKey} />
        <Summary result={result} query={variables.query} />
        {error && <ErrorBox error={error} />}
        {loading && !result && <Loading what="products" />}
        <ol className="results" aria-label="Search results">
          {edges.map((hit) => (
            <li key={hit.node.id}>
              <ResultCard hit={hit} onKeyDown={onKey} />
            </li>
          ))}
        </ol>
        {nextCursor && (
          <button type="button" onClick={() => void load(nextCursor)}>
            More results
          </button>
        )}
      </div>
      <Facets facets={result?.facets} params={params} />
    </div>
  );
}
