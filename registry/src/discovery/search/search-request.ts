import type { Owner } from '../../common/impact.types.js';
import type { SearchCursor, SearchSort } from './search-cursor.js';
import type { SearchText } from './search-text.js';

export type SlaStatusName = 'met' | 'at_risk' | 'breached' | 'unknown';
export type LifecycleStatus = 'active' | 'deprecated' | 'retired';

/** Filters: every field given must hold; the values of one field are alternatives (a facet's multi-select). */
export interface SearchFilter {
  domain?: string[];
  tag?: string[];
  owner?: string[];
  classification?: string[];
  status?: LifecycleStatus[];
  tier?: string[];
  slaStatus?: SlaStatusName[];
  /** A contract field of a latest-version port: its path, or its last segment (`city` finds `address.city`). */
  field?: string;
}

export interface SearchRequest {
  text?: SearchText;
  filter: SearchFilter;
  sort: SearchSort;
  first: number;
  after?: SearchCursor;
  /** The registry clock's time: SLA status is compared with it. */
  now: Date;
  /** How many matches a relevance page ranks exactly (default WINDOW; tests make it small). */
  window?: number;
  /** How many products match (counted before the page: it decides how the page is read). */
  total?: number;
}

/** A product as search shows it (from the read model: one row, no joins). */
export interface SearchRecord {
  id: string;
  domain: string;
  name: string;
  title: string;
  description: string;
  owner: Owner;
  tags: string[];
  classification: string;
  tier: string;
  latestVersion: string;
  status: LifecycleStatus;
  /** The worst SLA status of its latest ports now (breached > at_risk > met > unknown). */
  slaStatus: SlaStatusName;
  consumers: number;
  publishedAt: Date;
}

/** Where a hit matched: the document's parts. */
export type SearchSection = 'name' | 'tags' | 'description' | 'fields';

/** Text with the words that matched marked. */
export type Highlighted = { text: string; matched: boolean }[];

export interface SearchHit {
  product: SearchRecord;
  cursor: SearchCursor;
  score: number;
  sections: SearchSection[];
  highlights: { section: 'title' | 'description'; fragments: Highlighted }[];
}

export interface SearchPage {
  hits: SearchHit[];
  hasNextPage: boolean;
  /** The words searched for when none of the typed ones matched and similar ones did. */
  corrected?: SearchText;
}

export interface FacetCount {
  value: string;
  count: number;
}

export const FACETS = ['domain', 'tag', 'owner', 'classification', 'status', 'tier', 'slaStatus'] as const;
export type Facet = (typeof FACETS)[number];
export type Facets = Record<Facet, FacetCount[]>;
