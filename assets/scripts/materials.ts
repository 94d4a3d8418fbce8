// The PBR material library the product models draw from (colours as sRGB hex, converted to linear for glTF).
export interface MaterialSpec {
  color: string;
  metallic: number;
  roughness: number;
  /** Below 1 renders blended (translucent plastics, glass). */
  opacity?: number;
  emissive?: string;
}

/** `body` is the variant-coloured material: its colour comes from the product's first variant. */
export const MATERIALS = {
  body: { color: '#c8cbd0', metallic: 0.75, roughness: 0.3 },
  rubber: { color: '#1a1b1c', metallic: 0, roughness: 0.88 },
  'cast-iron': { color: '#8a8b8c', metallic: 0.85, roughness: 0.42 },
  'dark-steel': { color: '#4a4d52', metallic: 0.8, roughness: 0.5 },
  zinc: { color: '#c9ccd1', metallic: 1, roughness: 0.28 },
  chrome: { color: '#e4e6e9', metallic: 1, roughness: 0.1 },
  'caliper-paint': { color: '#b8161c', metallic: 0.15, roughness: 0.32 },
  'pad-friction': { color: '#3a3430', metallic: 0, roughness: 0.95 },
  'black-plastic': { color: '#1c1d1f', metallic: 0, roughness: 0.45 },
  'white-plastic': { color: '#eeeeea', metallic: 0, roughness: 0.4 },
  'tank-plastic': { color: '#d7eef8', metallic: 0, roughness: 0.08, opacity: 0.35 },
  'filter-bowl': { color: '#a9d4ee', metallic: 0, roughness: 0.1, opacity: 0.55 },
  'filter-media': { color: '#e9dfc7', metallic: 0, roughness: 0.9 },
  'blue-plastic': { color: '#1f63c6', metallic: 0, roughness: 0.38 },
  'red-plastic': { color: '#c92a2a', metallic: 0, roughness: 0.38 },
  brass: { color: '#c9a14a', metallic: 1, roughness: 0.3 },
  copper: { color: '#c27c4c', metallic: 1, roughness: 0.35 },
  'gauge-face': { color: '#f6f6f2', metallic: 0, roughness: 0.5 },
  display: { color: '#0e1217', metallic: 0.2, roughness: 0.08, emissive: '#0b2a3a' },
} as const satisfies Record<string, MaterialSpec>;

export type MaterialName = keyof typeof MATERIALS;

function srgbToLinear(channel: number): number {
  return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
}

/** `#rrggbb` (sRGB) to linear RGB, the space glTF colour factors use. */
export function hexToLinear(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255].map((byte) => srgbToLinear(byte / 255)) as [number, number, number];
}
