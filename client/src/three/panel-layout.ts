// Lays out and draws a step panel on a 2D canvas (text with bold runs, warnings, buttons), for a texture in 3D.
import type { GuideTextSegment } from '../../../core/guide.ts';

/** Canvas pixels per metre of panel: 2 cm text is 40 px. */
export const PX_PER_METRE = 2000;
export const PANEL_WIDTH_METRES = 0.46;
const WIDTH = Math.round(PANEL_WIDTH_METRES * PX_PER_METRE);
const PAD = 28;
const GAP = 18;
const FONT = 'system-ui, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';
const SIZES = { small: 32, body: 40, title: 52 } as const;
const MAX_HEIGHT = 2 * PX_PER_METRE;

export interface PanelButton {
  id: string;
  label: string;
  enabled: boolean;
  tone?: 'primary' | 'normal' | 'done';
}

export type PanelBlock =
  | { kind: 'progress'; text: string; fraction: number }
  | { kind: 'title'; text: string }
  | { kind: 'text'; segments: GuideTextSegment[]; size?: 'small' | 'body' }
  | { kind: 'warning'; segments: GuideTextSegment[]; button: PanelButton }
  | { kind: 'note'; text: string; tone: 'info' | 'warn' }
  | { kind: 'value'; text: string }
  /** A picture (the step's image): drawn once loaded, its alt text in a frame until then or if it cannot load. */
  | { kind: 'image'; image: PanelImage | null; alt: string }
  | { kind: 'buttons'; buttons: PanelButton[]; columns: number; height?: number };

/** A loaded, same-origin (or CORS-enabled) image: a tainted one could not be uploaded as a texture. */
export interface PanelImage {
  source: CanvasImageSource;
  width: number;
  height: number;
}

const IMAGE_MAX_HEIGHT = 560;

export interface ButtonRect {
  button: PanelButton;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PanelLayout {
  width: number;
  height: number;
  buttons: ButtonRect[];
  /** How many loaded images are drawn (an image still loading shows its alt text instead). */
  images: number;
}

type Ctx = CanvasRenderingContext2D;

interface Word {
  text: string;
  bold: boolean;
}

const fontOf = (size: number, bold: boolean) => `${bold ? '700' : '400'} ${size}px ${FONT}`;

function wrap(ctx: Ctx, segments: readonly GuideTextSegment[], size: number, width: number): Word[][] {
  const words: Word[] = segments.flatMap((segment) =>
    segment.text
      .split(/(\s+)/)
      .filter((part) => part.length > 0)
      .map((part) => ({ text: part, bold: segment.bold })),
  );
  const lines: Word[][] = [[]];
  let lineWidth = 0;
  for (const word of words) {
    ctx.font = fontOf(size, word.bold);
    const wordWidth = ctx.measureText(word.text).width;
    const line = lines[lines.length - 1] ?? [];
    const isSpace = /^\s+$/.test(word.text);
    if (!isSpace && lineWidth + wordWidth > width && line.length > 0) {
      lines.push([word]);
      lineWidth = wordWidth;
    } else if (!(isSpace && line.length === 0)) {
      line.push(word);
      lineWidth += wordWidth;
    }
  }
  return lines.filter((line) => line.length > 0);
}

function drawLines(ctx: Ctx, lines: Word[][], size: number, x: number, y: number, color: string): number {
  const lineHeight = Math.round(size * 1.3);
  lines.forEach((line, index) => {
    let cursor = x;
    for (const word of line) {
      ctx.font = fontOf(size, word.bold);
      ctx.fillStyle = color;
      ctx.fillText(word.text, cursor, y + index * lineHeight + size);
      cursor += ctx.measureText(word.text).width;
    }
  });
  return lines.length * lineHeight;
}

function roundRect(ctx: Ctx, x: number, y: number, width: number, height: number, radius: number, fill: string, stroke?: string): void {
  ctx.beginPath();
  ctx.roundRect(x, y, width, height, radius);
  ctx.fillStyle = fill;
  ctx.fill();
  if (stroke) {
    ctx.lineWidth = 4;
    ctx.strokeStyle = stroke;
    ctx.stroke();
  }
}

/** A label too long for one line of its button, split at the space that makes its longer line shortest. */
function splitInTwo(ctx: Ctx, label: string): string[] {
  const words = label.split(' ');
  let best: string[] = [label];
  let bestWidth = ctx.measureText(label).width;
  for (let at = 1; at < words.length; at += 1) {
    const pair = [words.slice(0, at).join(' '), words.slice(at).join(' ')];
    const width = Math.max(...pair.map((line) => ctx.measureText(line).width));
    if (width < bestWidth) {
      best = pair;
      bestWidth = width;
    }
  }
  return best;
}

function drawButton(ctx: Ctx, rect: ButtonRect, hovered: boolean): void {
  const { button } = rect;
  const fill = !button.enabled ? '#334155' : button.tone === 'primary' ? '#0284c7' : button.tone === 'done' ? '#15803d' : '#1e293b';
  roundRect(ctx, rect.x, rect.y, rect.width, rect.height, 16, hovered && button.enabled ? '#f59e0b' : fill, button.enabled ? '#e2e8f0' : '#475569');
  ctx.font = fontOf(SIZES.body, true);
  ctx.fillStyle = button.enabled ? '#ffffff' : '#94a3b8';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const room = rect.width - 16;
  const lines = ctx.measureText(button.label).width > room && rect.height >= SIZES.body * 2 ? splitInTwo(ctx, button.label) : [button.label];
  const lineHeight = SIZES.body * 1.05;
  lines.forEach((line, index) => ctx.fillText(line, rect.x + rect.width / 2, rect.y + rect.height / 2 + (index - (lines.length - 1) / 2) * lineHeight, room));
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
}

/** Measures and, when `draw` is set, paints the blocks; the canvas must be sized to the measured height before drawing. */
function run(ctx: Ctx, blocks: readonly PanelBlock[], draw: boolean, hovered: string | null): PanelLayout {
  const inner = WIDTH - PAD * 2;
  const buttons: ButtonRect[] = [];
  let images = 0;
  let y = PAD;
  for (const block of blocks) {
    switch (block.kind) {
      case 'progress': {
        if (draw) {
          ctx.font = fontOf(SIZES.small, true);
          ctx.fillStyle = '#7dd3fc';
          ctx.fillText(block.text, PAD, y + SIZES.small);
          roundRect(ctx, PAD, y + SIZES.small + 12, inner, 10, 5, '#334155');
          roundRect(ctx, PAD, y + SIZES.small + 12, Math.max(10, inner * block.fraction), 10, 5, '#38bdf8');
        }
        y += SIZES.small + 22;
        break;
      }
      case 'title':
      case 'text': {
        const size = block.kind === 'title' ? SIZES.title : SIZES[block.size ?? 'body'];
        const segments = block.kind === 'title' ? [{ text: block.text, bold: true }] : block.segments;
        const lines = wrap(ctx, segments, size, inner);
        y += draw ? drawLines(ctx, lines, size, PAD, y, '#f8fafc') : lines.length * Math.round(size * 1.3);
        break;
      }
      case 'warning': {
        const lines = wrap(ctx, block.segments, SIZES.body, inner - 36);
        const textHeight = lines.length * Math.round(SIZES.body * 1.3);
        const height = textHeight + 36 + 96;
        if (draw) {
          roundRect(ctx, PAD, y, inner, height, 18, '#451a03', '#f59e0b');
          drawLines(ctx, lines, SIZES.body, PAD + 18, y + 14, '#fef3c7');
        }
        const rect = { button: block.button, x: PAD + 18, y: y + textHeight + 24, width: inner - 36, height: 84 };
        buttons.push(rect);
        y += height;
        break;
      }
      case 'note': {
        const lines = wrap(ctx, [{ text: block.text, bold: false }], SIZES.small, inner);
        y += draw ? drawLines(ctx, lines, SIZES.small, PAD, y, block.tone === 'warn' ? '#fbbf24' : '#bae6fd') : lines.length * Math.round(SIZES.small * 1.3);
        break;
      }
      case 'image': {
        const { image } = block;
        if (image && image.width > 0 && image.height > 0) {
          const height = Math.min(IMAGE_MAX_HEIGHT, (inner * image.height) / image.width);
          const width = (height * image.width) / image.height;
          if (draw) ctx.drawImage(image.source, PAD + (inner - width) / 2, y, width, height);
          images += 1;
          y += height;
        } else {
          const lines = wrap(ctx, [{ text: block.alt, bold: false }], SIZES.small, inner - 36);
          const height = lines.length * Math.round(SIZES.small * 1.3) + 36;
          if (draw) {
            roundRect(ctx, PAD, y, inner, height, 14, '#1e293b', '#475569');
            drawLines(ctx, lines, SIZES.small, PAD + 18, y + 12, '#cbd5e1');
          }
          y += height;
        }
        break;
      }
      case 'value': {
        if (draw) {
          roundRect(ctx, PAD, y, inner, 84, 14, '#0f172a', '#38bdf8');
          ctx.font = fontOf(SIZES.title, true);
          ctx.fillStyle = '#f8fafc';
          ctx.fillText(block.text, PAD + 20, y + 62, inner - 40);
        }
        y += 84;
        break;
      }
      case 'buttons': {
        const height = block.height ?? 96;
        const columns = Math.max(1, block.columns);
        const cellWidth = (inner - GAP * (columns - 1)) / columns;
        block.buttons.forEach((button, index) => {
          const column = index % columns;
          const row = Math.floor(index / columns);
          buttons.push({ button, x: PAD + column * (cellWidth + GAP), y: y + row * (height + GAP), width: cellWidth, height });
        });
        const rows = Math.ceil(block.buttons.length / columns);
        y += rows * height + Math.max(0, rows - 1) * GAP;
        break;
      }
    }
    y += GAP;
  }
  if (draw) for (const rect of buttons) drawButton(ctx, rect, rect.button.id === hovered);
  return { width: WIDTH, height: Math.min(MAX_HEIGHT, Math.ceil(y + PAD - GAP)), buttons, images };
}

/** Sizes the canvas to the blocks and paints them; returns where each button is, in canvas pixels. */
export function paintPanel(canvas: HTMLCanvasElement, blocks: readonly PanelBlock[], hovered: string | null): PanelLayout {
  const ctx = canvas.getContext('2d');
  if (!ctx) return { width: WIDTH, height: PAD * 2, buttons: [], images: 0 };
  const measured = run(ctx, blocks, false, hovered);
  canvas.width = measured.width;
  canvas.height = measured.height;
  roundRect(ctx, 0, 0, measured.width, measured.height, 36, 'rgba(15, 23, 42, 0.92)', '#38bdf8');
  return run(ctx, blocks, true, hovered);
}

/** The button under a point given in texture coordinates (u right, v up). */
export function buttonAt(layout: PanelLayout, u: number, v: number): PanelButton | null {
  const x = u * layout.width;
  const y = (1 - v) * layout.height;
  return layout.buttons.find((rect) => x >= rect.x && x <= rect.x + rect.width && y >= rect.y && y <= rect.y + rect.height)?.button ?? null;
}
