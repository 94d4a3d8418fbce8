// A soft round shadow under the product: one textured quad, far cheaper than a rendered contact shadow.
import { useMemo } from 'react';
import { createShadowTexture } from './blob-shadow-texture.ts';

export function BlobShadow({ width, depth }: { width: number; depth: number }) {
  const texture = useMemo(createShadowTexture, []);
  return (
    <mesh rotation={[-Math.PI / 2, 0, 0]} position={[0, 0.001, 0]} scale={[width * 1.6, depth * 1.6, 1]} renderOrder={-1}>
      <planeGeometry args={[1, 1]} />
      <meshBasicMaterial map={texture} transparent depthWrite={false} />
    </mesh>
  );
}
