/**
 * A query cost limit that understands connections: every field costs 1, and the selection under a
 * field with a `first` argument counts `first` times (a variable counts as the largest page, 100;
 * no `first` counts as the field's default, 20); other lists count as LIST_GUESS items. So
 * `stances(first: 50) { edges { node { holder { name } } } }` costs about 50 × 4, and a query
 * asking for 100 actors × 100 stances × 10 fields (100,000) is refused before it runs.
 */
import type {
  ASTVisitor,
  FieldNode,
  FragmentDefinitionNode,
  SelectionSetNode,
  ValidationContext,
} from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.js';

/** Fields that return a plain list without a `first` argument: assumed to hold this many items. */
export const LIST_GUESS = 10;
const UNPAGED_LISTS = new Set([
  'represents',
  'representatives',
  'mentions',
  'relations',
  'stanceTimeline',
  'aliases',
  'mergedIds',
]);

function pageSize(field: FieldNode): number | null {
  const arg = field.arguments?.find((a) => a.name.value === 'first');
  if (!arg) return null;
  if (arg.value.kind === 'IntValue') return Math.max(1, Number(arg.value.value));
  return MAX_PAGE_SIZE;
}

export function selectionCost(
  set: SelectionSetNode | undefined,
  fragments: (name: string) => FragmentDefinitionNode | null | undefined,
  seen: Set<string> = new Set(),
): number {
  if (!set) return 0;
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind === 'Field') {
      if (sel.name.value.startsWith('__')) continue;
      const inner = selectionCost(sel.selectionSet, fragments, seen);
      const first = pageSize(sel);
      const times =
        first ??
        (sel.selectionSet && /^(actors|stances|articles|topics)$/.test(sel.name.value)
          ? DEFAULT_PAGE_SIZE
          : null) ??
        (UNPAGED_LISTS.has(sel.name.value) ? LIST_GUESS : 1);
      cost += 1 + times * inner;
    } else if (sel.kind === 'InlineFragment') {
      cost += selectionCost(sel.selectionSet, fragments, seen);
    } else {
      const name = sel.name.value;
      if (seen.has(name)) continue;
      seen.add(name);
      cost += selectionCost(fragments(name)?.selectionSet, fragments, seen);
      seen.delete(name);
    }
  }
  return cost;
}

export function costLimitRule(maxCost: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(op) {
      const cost = selectionCost(op.selectionSet, (n) => context.getFragment(n));
      if (cost > maxCost) {
        context.reportError(
          createGraphQLError(
            `Query cost limit of ${maxCost} exceeded (estimated ${cost}): ask for fewer items (\`first\`) or fewer nested lists.`,
            { nodes: [op], extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost } },
          ) as never,
        );
      }
    },
  });
}

export function costLimitPlugin(maxCost: number): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(costLimitRule(maxCost));
    },
  };
}
