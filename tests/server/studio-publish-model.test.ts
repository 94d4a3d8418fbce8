// The product's GLB made from a draft's by rewriting its JSON only: the root transform, part node names and ids, materials.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document } from '@gltf-transform/core';
import { describe, expect, it } from 'vitest';
import { draftPoint, publishedGlb, publishTransform, transformPoint } from '../../server/studio/publish-model.ts';
import { readGlb, validatorErrors, vertexBounds } from '../fixtures/studio/inspect-glb.ts';
import { boxGeometry, glbBytes } from '../fixtures/studio/model-fixtures.ts';

/** Two boxes: "Frame" (keyed n1, material "body") 0.4 × 0.2 × 0.1 m, and "frame" (n2, unkeyed name clash) on top. */
function draftDocument(): Document {
  const document = new Document();
  const buffer = document.createBuffer();
  const body = document.createMaterial('body').setBaseColorFactor([0.9, 0.1, 0.1, 1]);
  const box = (name: string, min: [number, number, number], max: [number, number, number], key: string) => {
    const geometry = boxGeometry(min, max);
    const primitive = document
      .createPrimitive()
      .setAttribute('POSITION', document.createAccessor().setType('VEC3').setArray(new Float32Array(geometry.positions)).setBuffer(buffer))
      .setIndices(document.createAccessor().setType('SCALAR').setArray(new Uint16Array(geometry.indices)).setBuffer(buffer))
      .setMaterial(body);
    return document.createNode(name).setMesh(document.createMesh(name).addPrimitive(primitive)).setExtras({ studioId: key, slug: name.toLowerCase() });
  };
  const root = document.createNode('Machine').setExtras({ studioId: 'n0', slug: 'machine' });
  root.addChild(box('Frame', [-0.2, 0, -0.05], [0.2, 0.2, 0.05], 'n1')).addChild(box('frame', [-0.05, 0.2, -0.05], [0.05, 0.3, 0.05], 'n2'));
  document.getRoot().setDefaultScene(document.createScene().addChild(root));
  return document;
}

describe('publishing a draft model', () => {
  it('turns, scales and floors it with one root node, names parts by id, keeps the model’s colours, stays valid', async () => {
    const transform = publishTransform({ min: [-0.2, 0, -0.05], max: [0.2, 0.3, 0.05] }, { xTurns: 0, zTurns: 1, yawDegrees: 0 }, 2);
    expect(transform.dimensions).toEqual({ width: 0.6, height: 0.8, depth: 0.2 });
    const [x, y] = transformPoint(transform, [0.2, 0, 0]);
    expect(x).toBeCloseTo(0.3, 6);
    expect(y).toBeCloseTo(0.8, 6);

    const draft = Buffer.from(await glbBytes(draftDocument()));
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'studio-publish-')), 'product.glb');
    await writeFile(file, publishedGlb(draft, transform, new Map([['n1', 'frame']])));
    expect(await validatorErrors(file)).toEqual([]);
    const product = await readGlb(file);
    const names = product.getRoot().listNodes().map((node) => node.getName());
    expect(names.filter((name) => name === 'frame')).toHaveLength(1);
    expect(names).toContain('frame (node)');
    const partNodes = product.getRoot().listNodes().filter((node) => (node.getExtras() as { partId?: unknown }).partId !== undefined);
    expect(partNodes.map((node) => [node.getName(), node.getExtras().partId])).toEqual([['frame', 'frame']]);
    expect(product.getRoot().listMaterials().map((material) => material.getName())).toEqual(['body (model)']);
    const bounds = vertexBounds(product.getRoot().getDefaultScene()!.listChildren()[0]!);
    [0.6, 0.8, 0.2].forEach((side, axis) => expect((bounds.max[axis] ?? 0) - (bounds.min[axis] ?? 0)).toBeCloseTo(side, 5));
    expect(bounds.min[1]).toBeCloseTo(0, 6);
    expect(((bounds.min[0] ?? 0) + (bounds.max[0] ?? 0)) / 2).toBeCloseTo(0, 6);
  });

  it('hangs a wall product as the app does a wall product: its back on z = 0, its middle at the origin', async () => {
    const transform = publishTransform({ min: [-0.2, 0, -0.05], max: [0.2, 0.3, 0.05] }, { xTurns: 0, zTurns: 0, yawDegrees: 0 }, 1, 'wall');
    expect(transform.dimensions).toEqual({ width: 0.4, height: 0.3, depth: 0.1 });
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'studio-publish-')), 'product.glb');
    await writeFile(file, publishedGlb(Buffer.from(await glbBytes(draftDocument())), transform, new Map([['n1', 'frame']])));
    const bounds = vertexBounds((await readGlb(file)).getRoot().getDefaultScene()!.listChildren()[0]!);
    expect([bounds.min[1], bounds.max[1], bounds.min[2], bounds.max[2]].map((value) => Math.round((value ?? NaN) * 1e6) / 1e6 + 0)).toEqual([-0.15, 0.15, 0, 0.1]);
    expect(transformPoint(transform, [0, 0, -0.05])).toEqual([0, -0.15, 0]);
    expect(draftPoint(transform, [0, -0.15, 0])).toEqual([0, 0, -0.05]);
  });
});
