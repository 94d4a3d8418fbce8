// Draws a session's annotations, highlight and ping as children of their part nodes, so they follow the product anywhere.
// The layer's group carries what it was asked to highlight and ping (userData), each mark its annotation.
import { Fragment, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from '@react-three/fiber';
import type { Group, Object3D } from 'three';
import type { Annotation } from '../../../core/annotation.ts';
import { findPartNode } from '../three/product-gltf.ts';
import { AnnotationMark } from './annotation-mark.tsx';
import { PartOutline } from './part-outline.tsx';

export interface AnnotationLayerProps {
  annotations: readonly Annotation[];
  highlightedPartId?: string | null;
  pingedPartId?: string | null;
  /** Parts a guide step points at (drawn in the agent's twin; the requester's guide draws its own). */
  stepPartIds?: readonly string[];
}

const NO_PARTS: readonly string[] = [];

/** Render inside a ProductModel: the layer finds the part nodes through its parent, the product's frame. */
export function AnnotationLayer({ annotations, highlightedPartId = null, pingedPartId = null, stepPartIds = NO_PARTS }: AnnotationLayerProps) {
  const probe = useRef<Group>(null);
  const [root, setRoot] = useState<Object3D | null>(null);

  useLayoutEffect(() => setRoot(probe.current?.parent ?? null), []);

  const part = (partId: string | null) => (root && partId ? (findPartNode(root, partId) ?? null) : null);
  const highlighted = part(highlightedPartId);
  const pinged = part(pingedPartId);
  return (
    <>
      <group ref={probe} name="annotation-layer" userData={{ highlightedPartId, pingedPartId }} />
      {root &&
        annotations.map((annotation) => {
          const node = part(annotation.partId);
          return node ? <Fragment key={annotation.id}>{createPortal(<AnnotationMark annotation={annotation} />, node)}</Fragment> : null;
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
