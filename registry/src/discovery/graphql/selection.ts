import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** Whether a node is skipped by @skip(if:) / @include(if:) with this request's variables. */
function skipped(
  node: { directives?: readonly { name: { value: string }; arguments?: readonly unknown[] }[] },
  info: GraphQLResolveInfo,
): boolean {
  for (const d of node.directives ?? []) {
    const arg = (
      d.arguments as { value: { kind: string; value?: boolean; name?: { value: string } } }[] | undefined
    )?.[0];
    if (!arg) continue;
    const value = arg.value.kind === Kind.VARIABLE ? info.variableValues[arg.value.name!.value] : arg.value.value;
    if ((d.name.value === 'skip' && value === true) || (d.name.value === 'include' && value === false)) return true;
  }
  return false;
}

/**
 * Whether the field being resolved selects the path of fields below it
 * (through fragments too, @include/@skip applied): lets a resolver answer
 * nested fields with one query for the whole page instead of one per item.
 */
export function selects(info: GraphQLResolveInfo, ...path: string[]): boolean {
  const visit = (set: SelectionSetNode | undefined, rest: string[]): boolean =>
    (set?.selections ?? []).some((s) => {
      if (skipped(s, info)) return false;
      if (s.kind === Kind.INLINE_FRAGMENT) return visit(s.selectionSet, rest);
      if (s.kind === Kind.FRAGMENT_SPREAD) return visit(info.fragments[s.name.value]?.selectionSet, rest);
      return s.name.value === rest[0] && (rest.length === 1 || visit(s.selectionSet, rest.slice(1)));
    });
  return info.fieldNodes.some((n) => visit(n.selectionSet, path));
}
