// The imported model's tree (a STEP assembly's names kept) as an ARIA tree: arrows move and open, Enter selects;
// a node that is a part shows its part id.
import { useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudioPart, StudioTreeNode } from '../../../core/studio.ts';

interface Row {
  node: StudioTreeNode;
  level: number;
  parentId: string | null;
}

function visibleRows(node: StudioTreeNode, expanded: ReadonlySet<string>, level = 1, parentId: string | null = null): Row[] {
  const rows: Row[] = [{ node, level, parentId }];
  if (expanded.has(node.id)) for (const child of node.children) rows.push(...visibleRows(child, expanded, level + 1, node.id));
  return rows;
}

/** A small tree opens whole; a large one shows its first two levels. */
function initiallyOpen(tree: StudioTreeNode): Set<string> {
  const all: StudioTreeNode[] = [];
  const collect = (node: StudioTreeNode) => (all.push(node), node.children.forEach(collect));
  collect(tree);
  return new Set(all.length <= 120 ? all.filter((node) => node.children.length > 0).map((node) => node.id) : [tree.id, ...tree.children.map((child) => child.id)]);
}

export interface PartsTreeProps {
  tree: StudioTreeNode;
  parts: readonly StudioPart[];
  selectedId: string | null;
  onSelect: (nodeId: string) => void;
}

export function PartsTree({ tree, parts, selectedId, onSelect }: PartsTreeProps) {
  const { t } = useTranslation('studio');
  const [expanded, setExpanded] = useState<Set<string>>(() => initiallyOpen(tree));
  const [focusId, setFocusId] = useState<string>(selectedId ?? tree.id);
  const items = useRef(new Map<string, HTMLLIElement>());
  const rows = useMemo(() => visibleRows(tree, expanded), [tree, expanded]);
  const partOf = useMemo(() => new Map(parts.map((part) => [part.nodeId, part])), [parts]);
  const current = rows.find((row) => row.node.id === (selectedId ?? focusId)) ? (selectedId ?? focusId) : tree.id;

  const focus = (id: string) => {
    setFocusId(id);
    items.current.get(id)?.focus();
  };
  const toggle = (id: string, open: boolean) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });

  const onKeyDown = (event: KeyboardEvent, row: Row, index: number) => {
    const hasChildren = row.node.children.length > 0;
    const open = expanded.has(row.node.id);
    const move: Record<string, () => void> = {
      ArrowDown: () => rows[index + 1] && focus(rows[index + 1]!.node.id),
      ArrowUp: () => rows[index - 1] && focus(rows[index - 1]!.node.id),
      Home: () => focus(rows[0]!.node.id),
      End: () => focus(rows[rows.length - 1]!.node.id),
      ArrowRight: () => (hasChildren && !open ? toggle(row.node.id, true) : hasChildren && focus(row.node.children[0]!.id)),
      ArrowLeft: () => (hasChildren && open ? toggle(row.node.id, false) : row.parentId && focus(row.parentId)),
      Enter: () => onSelect(row.node.id),
      ' ': () => onSelect(row.node.id),
    };
    const action = move[event.key];
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  };

  const render = (node: StudioTreeNode, level: number, parentId: string | null): ReactNode => {
    const part = partOf.get(node.id);
    const hasChildren = node.children.length > 0;
    const open = expanded.has(node.id);
    const index = rows.findIndex((row) => row.node.id === node.id);
    return (
      <li
        key={node.id}
        ref={(element) => {
          if (element) items.current.set(node.id, element);
          else items.current.delete(node.id);
        }}
        role="treeitem"
        aria-level={level}
        aria-selected={node.id === selectedId}
        {...(hasChildren ? { 'aria-expanded': open } : {})}
        tabIndex={node.id === current ? 0 : -1}
        onKeyDown={(event) => onKeyDown(event, { node, level, parentId }, index)}
        onClick={(event) => {
          event.stopPropagation();
          setFocusId(node.id);
          onSelect(node.id);
        }}
        onFocus={(event) => {
          if (event.target === event.currentTarget) setFocusId(node.id);
        }}
        data-node-id={node.id}
      >
        <span className="tree-label">
          {hasChildren && (
            <span className="tree-twisty" aria-hidden="true" onClick={(event) => (event.stopPropagation(), toggle(node.id, !open))}>
              {open ? '▾' : '▸'}
            </span>
          )}
          {node.name || t('parts.unnamed')}
          {part && <span className="badge badge-part"> {t('parts.isPart', { id: part.partId })}</span>}
          <span className="visually-hidden"> {t('parts.triangles', { count: node.triangleCount })}</span>
        </span>
        {hasChildren && open && <ul role="group">{node.children.map((child) => render(child, level + 1, node.id))}</ul>}
      </li>
    );
  };

  return (
    <ul role="tree" aria-label={t('parts.treeLabel')} className="studio-tree">
      {render(tree, 1, null)}
    </ul>
  );
}
