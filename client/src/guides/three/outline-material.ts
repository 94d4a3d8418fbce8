// A back-face shell pushed out along the normals in view space: a bright outline around a part, at any mesh scale.
import { BackSide, Color, ShaderMaterial } from 'three';

export function createOutlineMaterial(color: string, thicknessMetres: number): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: { color: { value: new Color(color) }, thickness: { value: thicknessMetres }, opacity: { value: 0.95 } },
    vertexShader: /* glsl */ `
      uniform float thickness;
      void main() {
        vec4 viewPosition = modelViewMatrix * vec4(position, 1.0);
        vec3 viewNormal = normalize(normalMatrix * normal);
        viewPosition.xyz += viewNormal * thickness;
        gl_Position = projectionMatrix * viewPosition;
      }
    `,
    fragmentShader: /* glsl */ `
      uniform vec3 color;
      uniform float opacity;
      void main() {
        gl_FragColor = vec4(color, opacity);
      }
    `,
    side: BackSide,
    transparent: true,
    depthWrite: false,
  });
}
