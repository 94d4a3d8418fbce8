// A short text label as a sprite texture (canvas-drawn), sized in metres and always facing the viewer.
import { CanvasTexture, SRGBColorSpace } from 'three';

export interface TextTexture {
  texture: CanvasTexture;
  /** Width over height of the drawn label. */
  aspect: number;
}

export function createTextTexture(text: string, background = '#0f172a', color = '#ffffff'): TextTexture {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  const fontPx = 48;
  const padding = 18;
  const font = `600 ${fontPx}px system-ui, sans-serif`;
  if (context) context.font = font;
  const width = Math.ceil(Math.min(1400, (context?.measureText(text).width ?? text.length * fontPx * 0.6) + padding * 2));
  const height = fontPx + padding * 2;
  canvas.width = width;
  canvas.height = height;
  if (context) {
    context.fillStyle = background;
    context.beginPath();
    context.roundRect(0, 0, width, height, height / 3);
    context.fill();
    context.font = font;
    context.fillStyle = color;
    context.textBaseline = 'middle';
    context.fillText(text, padding, height / 2 + 2, width - padding * 2);
  }
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return { texture, aspect: width / height };
}
