// Draws a session's annotations, highlight and ping as children of their part nodes, so they follow the product anywhere.
import { Fragment, useLayoutEffect, useRef, useState } from 'react';
import { createPortal, useFrame } from '@react-three/fiber';
import { Vector3, type Group, type Object3D } from 'three';
import type { Annotation } from '../../../core/annotation.ts';
import { findPartNode } from '../three/product-gltf.ts';
import { publishTestState } from '../test-hook.ts';
import type { SceneTestState } from '../help/assist-test-state.ts';
import { AnnotationMark } from './annotation-mark.tsx';
import { PartOutline } from './part-outline.tsx';

export interface AnnotationLayerProps {
  annotations: readonly Annotation[];
  highlightedPartId?: string | null;
  pingedPartId?: string | null;
  /** Parts a guide step points at (drawn in the agent's twin; the requester's guide draws its own). */
  stepPartIds?: readonly string[];
  /** Which view draws it, for the test hook. */
  view: 'ar' | 'inline' | 'twin';
}

const world = new Vector3();
const NO_PARTS: readonly string[] = [];
const scenes: Record<string, SceneTestState> = {};

/** Render inside a ProductModel: the layer finds the part nodes through its parent, the product's frame. */
export function AnnotationLayer({ annotations, highlightedPartId = null, pingedPartId = null, stepPartIds = NO_PARTS, view }: AnnotationLayerProps) {
  const probe = useRef<Group>(null);
  const [root, setRoot] = useState<Object3D | null>(null);
  const marks = useRef(new Map<string, Object3D>());
  const frames = useRef(0);

  useLayoutEffect(() => setRoot(probe.current?.parent ?? null), []);

  useFrame(() => {
    frames.current += 1;
    if (frames.current % 10 !== 0) return;
    const items = annotations.flatMap((annotation) => {
      const mark = marks.current.get(annotation.id);
      if (!mark) return [];
      mark.updateWorldMatrix(true, false);
      mark.getWorldPosition(world);
      return [{ id: annotation.id, kind: annotation.kind, partId: annotation.partId, localPoint: annotation.localPoint, world: world.toArray() as [number, number, number] }];
    });
    scenes[view] = { items, highlightedPartId, pingedPartId };
    publishTestState('assist', { scenes: { ...scenes } });
  });

  const part = (partId: string | null) => (root && partId ? (findPartNode(root, partId) ?? null) : null);
  const highlighted = part(highlightedPartId);
  const pinged = part(pingedPartId);
  return (
    <>
      <group ref={probe} name="annotation-layer" />
      {root &&
        annotations.map((annotation) => {
          const node = part(annotation.partId);
          if (!node) return null;
          const keep = (object: Object3D | null) => {
            if (object) marks.current.set(annotation.id, object);
            else marks.current.delete(annotation.id);
          };
          return <Fragment key={annotation.id}>{createPortal(<AnnotationMark annotation={annotation} markRef={keep} />, node)}</Fragment>;
        })}
      {highlighted && <Fragment key={`highlight:${highlightedPartId}`}>{createPortal(<PartOutline part={highlighted} color="#22d3ee" />, highlighted)}</Fragment>}
      {stepPartIds.map((partId) => {
        const node = part(partId);
        return node && node !== highlighted ? <Fragment key={`step:${partId}`}>{createPortal(<PartOutline part={node} color="#facc15" margin={0.003} />, node)}</Fragment> : null;
      })}
      {pinged && <Fragment key={`ping:${pingedPartId}`}>{createPortal(<PartOutline part={pinged} color="#e879f9" margin={0.012} />, pinged)}</Fragment>}
    </>
  );
}
