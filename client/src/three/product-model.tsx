// The product model in its own frame: variant colour, part picking (mouse, touch, XR ray), extra content on top.
import type { ReactNode } from 'react';
import type { ThreeEvent } from '@react-three/fiber';
import type { ProductDetail } from '../../../core/catalog.ts';
import { useProductGltf, useProductInstance } from './product-gltf.ts';
import { partIdOf } from './part-picking.ts';

export interface ProductModelProps {
  product: ProductDetail;
  color: string | null;
  onProgress?: (fraction: number) => void;
  /** Called with the part id when a part is clicked, tapped or selected with an XR ray. */
  onPartSelect?: (partId: string) => void;
  /** Content placed in the product's frame (overlays, annotations). */
  children?: ReactNode;
}

export function ProductModel({ product, color, onProgress, onPartSelect, children }: ProductModelProps) {
  const gltf = useProductGltf(product.modelUrl, onProgress);
  const instance = useProductInstance(gltf.scene, color);
  const onClick = onPartSelect
    ? (event: ThreeEvent<MouseEvent>) => {
        const partId = partIdOf(event.object);
        if (!partId) return;
        event.stopPropagation();
        onPartSelect(partId);
      }
    : undefined;
  return (
    <group name={`product:${product.id}`}>
      <primitive object={instance} {...(onClick ? { onClick } : {})} />
      {children}
    </group>
  );
}
