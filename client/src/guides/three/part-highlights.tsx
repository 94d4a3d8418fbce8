// Lights up a step's target parts (emissive glow and an outline shell, pulsing when the step says so) and ghosts the
// rest of the product, in place on the model's own meshes; everything is restored when the step changes.
import { useEffect, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { Color, Mesh, MeshBasicMaterial, MeshStandardMaterial, type Material, type Object3D, type ShaderMaterial } from 'three';
import type { HighlightStyle } from '../../../../core/guide.ts';
import { createOutlineMaterial } from './outline-material.ts';
import { meshesOf, OVERLAY_FLAG, partNodes } from '../../three/product-parts.ts';

export const HIGHLIGHT_COLOR = '#22d3ee';
const GHOST_OPACITY = 0.22;

export interface PartHighlightsProps {
  /** The product model's root (the node holding its part nodes). */
  root: Object3D;
  targetPartIds: readonly string[];
  style: HighlightStyle;
}


interface MeshMaterials {
  original: Material | Material[];
  glow?: Material;
  ghost?: Material;
}

function single(material: Material | Material[]): Material | undefined {
  return Array.isArray(material) ? material[0] : material;
}

function glowOf(original: Material): Material {
  if (original instanceof MeshStandardMaterial) {
    const glow = original.clone();
    glow.emissive = new Color(HIGHLIGHT_COLOR);
    glow.emissiveIntensity = 0.6;
    return glow;
  }
  return new MeshBasicMaterial({ color: HIGHLIGHT_COLOR });
}

function ghostOf(original: Material): Material {
  const ghost = original.clone();
  ghost.transparent = true;
  ghost.opacity = GHOST_OPACITY;
  ghost.depthWrite = false;
  return ghost;
}

const INTENSITY: Record<HighlightStyle, number> = { outline: 0.45, glow: 1.1, pulse: 0.8 };

export function PartHighlights({ root, targetPartIds, style }: PartHighlightsProps) {
  const materials = useRef(new Map<Mesh, MeshMaterials>());
  const lit = useRef<Material[]>([]);
  const outline = useRef<ShaderMaterial | null>(null);
  const key = targetPartIds.join(' ');

  useEffect(() => {
    const targets = new Set(key === '' ? [] : key.split(' '));
    const cache = materials.current;
    outline.current ??= createOutlineMaterial(HIGHLIGHT_COLOR, 0.004);
    const outlineMaterial = outline.current;
    const shells: Mesh[] = [];
    const touched: Mesh[] = [];
    lit.current = [];
    for (const [partId, node] of partNodes(root)) {
      const isTarget = targets.has(partId);
      if (!isTarget && targets.size === 0) continue;
      for (const mesh of meshesOf(node)) {
        const entry = cache.get(mesh) ?? { original: mesh.material };
        cache.set(mesh, entry);
        const original = single(entry.original);
        if (!original) continue;
        if (isTarget) {
          entry.glow ??= glowOf(original);
          if (entry.glow instanceof MeshStandardMaterial) entry.glow.emissiveIntensity = INTENSITY[style];
          mesh.material = entry.glow;
          lit.current.push(entry.glow);
          const shell = new Mesh(mesh.geometry, outlineMaterial);
          shell.name = `part-highlight:${partId}`;
          shell.userData[OVERLAY_FLAG] = true;
          shell.raycast = () => {};
          shell.renderOrder = 2;
          mesh.add(shell);
          shells.push(shell);
        } else {
          entry.ghost ??= ghostOf(original);
          mesh.material = entry.ghost;
        }
        touched.push(mesh);
      }
    }
    return () => {
      for (const shell of shells) shell.removeFromParent();
      for (const mesh of touched) {
        const entry = cache.get(mesh);
        if (entry) mesh.material = entry.original;
      }
      lit.current = [];
    };
  }, [root, key, style]);

  useEffect(() => {
    const cache = materials.current;
    return () => {
      for (const entry of cache.values()) {
        entry.glow?.dispose();
        entry.ghost?.dispose();
      }
      cache.clear();
      outline.current?.dispose();
      outline.current = null;
    };
  }, []);

  useFrame(({ clock }) => {
    if (style !== 'pulse') return;
    const intensity = 0.35 + 0.75 * (0.5 + 0.5 * Math.sin(clock.elapsedTime * 4));
    for (const material of lit.current) if (material instanceof MeshStandardMaterial) material.emissiveIntensity = intensity;
  });

  return null;
}
