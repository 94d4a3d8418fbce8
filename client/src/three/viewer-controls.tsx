// Orbit and zoom around the product with three's own OrbitControls (lighter than a wrapper for the first 3D frame).
import { forwardRef, useEffect, useImperativeHandle, useMemo } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';

export interface ViewerControlsProps {
  target: [number, number, number];
  minDistance: number;
  maxDistance: number;
}

export const ViewerControls = forwardRef<OrbitControls, ViewerControlsProps>(function ViewerControls({ target, minDistance, maxDistance }, ref) {
  const camera = useThree((state) => state.camera);
  const element = useThree((state) => state.gl.domElement);
  const controls = useMemo(() => new OrbitControls(camera, element), [camera, element]);
  const [x, y, z] = target;
  useEffect(() => {
    controls.target.set(x, y, z);
    controls.enableDamping = true;
    controls.minDistance = minDistance;
    controls.maxDistance = maxDistance;
    controls.update();
    controls.saveState();
    return () => controls.dispose();
  }, [controls, x, y, z, minDistance, maxDistance]);
  useFrame(() => controls.update());
  useImperativeHandle(ref, () => controls, [controls]);
  return null;
});
