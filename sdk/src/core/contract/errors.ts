/** Machine codes of the reasons a contract is refused; scripts and the registry match on them (add, never rename). */
export const CONTRACT_PROBLEM_CODES = {
  NOT_A_SCHEMA: 'the contract is not a JSON Schema object or boolean',
  SCHEMA_TOO_LARGE: 'the contract is larger than CONTRACT_LIMITS.maxBytes',
  SCHEMA_TOO_DEEP: 'the contract nests deeper than CONTRACT_LIMITS.maxDepth',
  REF_CHAIN_TOO_LONG: 'following its $refs, the contract nests deeper than CONTRACT_LIMITS.maxRefChain',
  UNKNOWN_DRAFT: '$schema names a draft dmesh does not accept',
  REMOTE_REF: 'a $ref points outside the document (never fetched)',
  REF_CYCLE: 'a $ref cycle that never descends into the data (nothing could be validated)',
  SCHEMA_INVALID: 'the contract is not valid under its draft’s meta-schema',
  UNKNOWN_KEYWORD: 'a keyword the draft does not define (and not an x- annotation)',
  COMPILE_FAILED: 'ajv could not compile the contract',
} as const;

export type ContractProblemCode = keyof typeof CONTRACT_PROBLEM_CODES;

export interface ContractProblem {
  code: ContractProblemCode;
  /** JSON pointer inside the schema document. */
  path: string;
  keyword?: string;
  message: string;
  fix: string;
  /** For a limit: its name in CONTRACT_LIMITS and its value. */
  limit?: { name: string; value: number };
}

/** Thrown when a contract cannot be compiled: every problem names its place, its code and the fix. */
export class ContractCompileError extends Error {
  constructor(readonly problems: ContractProblem[]) {
    super(problems.map((p) => `${p.path || '/'}: ${p.message}`).join('; '));
    this.name = 'ContractCompileError';
  }

  /** The first problem that is a limit, if any (the registry answers those with 400 naming the limit). */
  get limit(): ContractProblem | undefined {
    return this.problems.find((p) => p.limit !== undefined);
  }
}
