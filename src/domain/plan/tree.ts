/** Walking a program's flat node list (parentId links). Pure. */

export interface FlatNode {
  id: string;
  parentId: string | null;
  kind: string;
}

/** The nearest numbered or lettered heading (group, sub-group) above a node: its task group. */
export function taskGroupOf<N extends FlatNode>(byId: Map<string, N>, id: string): N | undefined {
  const start = byId.get(id);
  let g = start?.parentId ? byId.get(start.parentId) : undefined;
  while (g && g.kind !== 'group' && g.kind !== 'subgroup') g = g.parentId ? byId.get(g.parentId) : undefined;
  return g;
}
