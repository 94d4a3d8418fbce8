// Leaves out what a product model does not need: cameras, lights and nodes with no geometry below them.
import type { Document, Node } from '@gltf-transform/core';
import type { ImportWarning } from './import-types.ts';

const hasGeometry = (node: Node): boolean => node.getMesh() !== null || node.listChildren().some(hasGeometry);

function countNodes(node: Node): number {
  return 1 + node.listChildren().reduce((sum, child) => sum + countNodes(child), 0);
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export function removeNonModelContent(document: Document, fileName: string): ImportWarning[] {
  const root = document.getRoot();
  const cameras = root.listCameras().length;
  for (const camera of root.listCameras()) camera.dispose();
  const lightsExtension = root.listExtensionsUsed().find((extension) => extension.extensionName === 'KHR_lights_punctual');
  const lights = lightsExtension ? root.listNodes().filter((node) => node.getExtension('KHR_lights_punctual') !== null).length : 0;
  lightsExtension?.dispose();
  let emptyNodes = 0;
  const prune = (node: Node): void => {
    if (!hasGeometry(node)) {
      emptyNodes += countNodes(node);
      node.dispose();
      return;
    }
    node.listChildren().forEach(prune);
  };
  for (const scene of root.listScenes()) scene.listChildren().forEach(prune);
  const removed = [cameras && plural(cameras, 'camera'), lights && plural(lights, 'light'), emptyNodes && plural(emptyNodes, 'empty node')].filter((part): part is string => Boolean(part));
  if (removed.length === 0) return [];
  return [
    {
      code: 'removed-nodes',
      message: `Left out ${removed.join(', ')} from ${fileName}: they are not part of a product.`,
      params: { file: fileName, cameras, lights, emptyNodes },
    },
  ];
}
