// The guide's branches drawn as a graph (@xyflow/react, loaded only when an author opens it): steps by title, an arrow
// for each way out (next, each answer, an out-of-range reading); dropping an arrow's end on another step re-targets it
// (a clicked arrow is drawn on top, for where several arrows end at one step).
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MarkerType, ReactFlow, type Connection, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { currentLanguage } from '../../i18n/i18n.ts';
import { branchesOf, END, retarget, type Branch } from './branch-work.ts';
import { stepId, stepsOf, type GuideWork } from './guide-work.ts';
import type { StepChoice } from './question-form.tsx';

export const END_NODE = 'end';
const nodeId = (index: number) => `step-node-${index}`;
const COLUMN = 210;
const ROW = 110;
const COLORS: Record<Branch['kind'], string> = { default: '#475569', next: '#1d4ed8', end: '#475569', answer: '#7c2d12', outOfRange: '#991b1b' };

/** Steps in layers by how far from the first step they are (unreached ones below), side by side within a layer. */
function layers(guide: GuideWork, branches: readonly Branch[]): number[] {
  const ids = stepsOf(guide).map(stepId);
  const depth = ids.map(() => -1);
  if (ids.length > 0) depth[0] = 0;
  const queue = ids.length > 0 ? [0] : [];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    for (const branch of branches) {
      if (branch.from !== current) continue;
      const to = ids.indexOf(branch.to);
      if (to >= 0 && depth[to] === -1) {
        depth[to] = (depth[current] ?? 0) + 1;
        queue.push(to);
      }
    }
  }
  let below = Math.max(0, ...depth);
  return depth.map((d) => (d >= 0 ? d : ++below));
}

export interface BranchGraphProps {
  guide: GuideWork;
  choices: readonly StepChoice[];
  selected: number;
  onSelect: (index: number) => void;
  change: (update: (guide: GuideWork) => GuideWork) => void;
  onSay: (words: string) => void;
}

export default function BranchGraph({ guide, choices, selected, onSelect, change, onSay }: BranchGraphProps) {
  const { t } = useTranslation('studio');
  const language = currentLanguage();
  const branches = useMemo(() => branchesOf(guide), [guide]);
  const ids = useMemo(() => stepsOf(guide).map(stepId), [guide]);
  /** The arrow the author clicked: drawn above the others, so its end can be grabbed where several arrows meet. */
  const [picked, setPicked] = useState<string | null>(null);

  const nodes = useMemo((): Node[] => {
    const depth = layers(guide, branches);
    const lastLayer = Math.max(0, ...depth) + 1;
    const placed = ids.map((_id, index) => {
      const layer = depth.map((d, at) => ({ d, at })).filter((entry) => entry.d === depth[index]);
      const position = layer.findIndex((entry) => entry.at === index);
      return { x: (position - (layer.length - 1) / 2) * COLUMN, y: (depth[index] ?? 0) * ROW };
    });
    return [
      ...ids.map((_id, index): Node => ({ id: nodeId(index), position: placed[index] ?? { x: 0, y: 0 }, data: { label: choices[index]?.label ?? ids[index] }, className: index === selected ? 'branch-node branch-node-current' : 'branch-node', draggable: false })),
      { id: END_NODE, type: 'output', position: { x: 0, y: lastLayer * ROW }, data: { label: t('guideEditor.graph.end') }, className: 'branch-node branch-node-end', draggable: false },
    ];
  }, [guide, branches, ids, choices, selected, t]);

  const edges = useMemo(
    (): Edge[] =>
      branches.flatMap((branch): Edge[] => {
        const to = branch.to === END ? END_NODE : ids.indexOf(branch.to) >= 0 ? nodeId(ids.indexOf(branch.to)) : null;
        if (to === null) return [];
        const label = branch.kind === 'answer' && branch.answer ? branch.answer.label[language] || t('guideEditor.graph.answer', { number: branch.answer.index + 1 }) : branch.kind === 'outOfRange' ? t('guideEditor.graph.outOfRange') : undefined;
        const color = COLORS[branch.kind];
        const chosen = branch.path === picked;
        return [{ id: branch.path, source: nodeId(branch.from), target: to, reconnectable: 'target', selected: chosen, zIndex: chosen ? 10 : 0, ...(label ? { label } : {}), markerEnd: { type: MarkerType.ArrowClosed, color }, style: { stroke: color, strokeWidth: chosen ? 4 : 2, ...(branch.kind === 'default' ? { strokeDasharray: '6 4' } : {}) }, data: { kind: branch.kind } }];
      }),
    [branches, ids, language, t, picked],
  );

  const reconnect = (old: Edge, connection: Connection) => {
    const branch = branches.find((b) => b.path === old.id);
    if (!branch || connection.target === old.target) return;
    const toIndex = connection.target.startsWith('step-node-') ? Number(connection.target.slice('step-node-'.length)) : -1;
    const to = connection.target === END_NODE ? END : ids[toIndex];
    if (to === undefined) return;
    if (to === END && (branch.kind === 'answer' || branch.kind === 'outOfRange')) {
      onSay(t('guideEditor.graph.cannotEnd'));
      return;
    }
    change((current) => retarget(current, branch.path, to));
    onSay(t('guideEditor.graph.retargeted', { from: choices[branch.from]?.label ?? '', to: to === END ? t('guideEditor.graph.end') : (choices[toIndex]?.label ?? to) }));
  };

  return (
    <ReactFlow
      key={ids.length}
      nodes={nodes}
      edges={edges}
      onReconnect={reconnect}
      onEdgeClick={(_event, edge) => setPicked(edge.id)}
      onPaneClick={() => setPicked(null)}
      onNodeClick={(_event, node) => {
        const index = node.id.startsWith('step-node-') ? Number(node.id.slice('step-node-'.length)) : -1;
        if (index >= 0) onSelect(index);
      }}
      edgesReconnectable
      nodesDraggable={false}
      nodesConnectable
      elementsSelectable
      reconnectRadius={14}
      fitView
      fitViewOptions={{ padding: 0.15 }}
      minZoom={0.3}
    />
  );
}
