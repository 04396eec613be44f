import { LineCounter, parseDocument, isNode, visit, type Document } from 'yaml';
import type { Problem } from '../core/product/types.js';

export interface ParsedYaml {
  value: unknown;
  doc?: Document;
  lines: LineCounter;
  problems: Problem[];
}

/** Parses YAML; syntax errors come back as problems with line and column. */
export function parseYaml(text: string, file: string): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  // One broken bracket or indent makes the parser report every line after it: the first error is the one to fix.
  const problems: Problem[] = doc.errors.slice(0, 1).map((e) => {
    const pos = lines.linePos(e.pos[0]);
    return {
      severity: 'error',
      code: 'YAML_INVALID',
      file,
      line: pos.line,
      column: pos.col,
      path: '',
      message: `invalid YAML: ${e.message.split('\n')[0]}`,
      fix: 'fix the YAML syntax at that line (indentation, a missing colon, an unclosed quote or bracket)',
    };
  });
  if (problems.length) return { value: undefined, doc, lines, problems };
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), doc, lines, problems };
  } catch (err) {
    if (!(err instanceof ReferenceError)) throw err;
    return { value: undefined, doc, lines, problems: [aliasProblem(doc, lines, file)] };
  }
}

/** yaml's own default: more alias expansions than this is how a "billion laughs" document grows. */
const MAX_ALIAS_COUNT = 100;

/** An alias bomb (or an alias to an anchor that does not exist) stops at the first alias, with its place. */
function aliasProblem(doc: Document, lines: LineCounter, file: string): Problem {
  let at: number | undefined;
  visit(doc, {
    Alias(_, node) {
      at = node.range?.[0];
      return visit.BREAK;
    },
  });
  const pos = at === undefined ? undefined : lines.linePos(at);
  return {
    severity: 'error',
    code: 'YAML_ALIASES',
    file,
    ...(pos && { line: pos.line, column: pos.col }),
    path: '',
    message: `invalid YAML: its aliases (*name) expand beyond ${MAX_ALIAS_COUNT} copies, or name a missing anchor`,
    fix: 'write the repeated values out, or point each alias at an anchor (&name) defined before it',
  };
}

/** Adds line and column to a problem whose JSON pointer points into a parsed YAML document (or its nearest existing parent). */
export function locateInYaml(parsed: ParsedYaml, problem: Problem): Problem {
  if (!parsed.doc || problem.line) return problem;
  const segments = problem.path
    .split('/')
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  for (let n = segments.length; n >= 0; n--) {
    const node = parsed.doc.getIn(segments.slice(0, n), true);
    if (isNode(node) && node.range) {
      const pos = parsed.lines.linePos(node.range[0]);
      return { ...problem, line: pos.line, column: pos.col };
    }
  }
  return problem;
}

/** Parses JSON; a syntax error names the line and column. */
export function parseJson(text: string, file: string): { value?: unknown; problems: Problem[] } {
  try {
    return { value: JSON.parse(text), problems: [] };
  } catch (err) {
    const message = (err as Error).message;
    const at = /position (\d+)/.exec(message);
    let line: number | undefined;
    let column: number | undefined;
    const lc = /line (\d+) column (\d+)/.exec(message);
    if (lc) [line, column] = [Number(lc[1]), Number(lc[2])];
    else if (at) {
      const before = text.slice(0, Number(at[1]));
      line = before.split('\n').length;
      column = Number(at[1]) - before.lastIndexOf('\n');
    }
    return {
      problems: [
        {
          severity: 'error',
          code: 'JSON_INVALID',
          file,
          path: '',
          ...(line && { line, column }),
          message: `invalid JSON: ${message.replace(/\s*(in JSON )?at position \d+( \(line \d+ column \d+\))?/, '')}`,
          fix: 'fix the JSON syntax there (a trailing comma, a missing quote or brace)',
        },
      ],
    };
  }
}
