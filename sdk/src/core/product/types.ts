import type { DataProduct, OutputPort, InputPort, QualityRule } from '@dmesh/contracts';

export type { DataProduct, OutputPort, InputPort, QualityRule };

/**
 * A product version as a value: the parsed descriptor and every contract it
 * references, keyed by the path written in the descriptor. This is what the
 * CLI sends and what the registry's publish pipeline receives.
 */
export interface ProductBundle {
  descriptor: unknown;
  contracts: Record<string, unknown>;
}

/** Where a problem is, as precisely as the input allows, and what to do about it. */
export interface Problem {
  severity: 'error' | 'warning';
  code: string;
  /** The file the problem is in (descriptor or contract), relative to the product folder. */
  file?: string;
  line?: number;
  column?: number;
  /** JSON pointer inside that file. */
  path: string;
  message: string;
  fix: string;
}
