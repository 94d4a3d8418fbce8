// The compact pose frame: head and hand poses quantized to mm and 1e-4, 9 + 14 bytes per tracked pose, little-endian.
import type { RigidTransform } from './geometry.ts';

/** Send rate clients aim for; the server drops frames above MAX_POSE_HZ per socket. */
export const POSE_HZ = 30;
export const MAX_POSE_HZ = 60;

const HEADER_BYTES = 9;
const POSE_BYTES = 14;
const POSE_FLAGS = { head: 1, left: 2, right: 4 } as const;
const TRACKED = ['head', 'left', 'right'] as const;
const POSITION_SCALE = 1000;
const ROTATION_SCALE = 10000;
const I16_MAX = 32767;

export interface PoseSample {
  /** Sender clock in milliseconds; only differences matter (it wraps at 2^32). */
  t: number;
  head?: RigidTransform;
  left?: RigidTransform;
  right?: RigidTransform;
}

export interface DecodedPoseFrame {
  channel: number;
  sample: PoseSample;
}

/** The session's pose channel: the first 32 bits of its UUID, so a frame names its session in 4 bytes. */
export function sessionPoseChannel(sessionId: string): number {
  return Number.parseInt(sessionId.slice(0, 8), 16) >>> 0;
}

const quantize = (value: number, scale: number) => Math.max(-I16_MAX, Math.min(I16_MAX, Math.round(value * scale)));

export function encodePoseFrame(channel: number, sample: PoseSample): Uint8Array {
  const present = TRACKED.filter((key) => sample[key] !== undefined);
  const bytes = new Uint8Array(HEADER_BYTES + POSE_BYTES * present.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, channel >>> 0, true);
  view.setUint32(4, Math.floor(sample.t) >>> 0, true);
  view.setUint8(8, present.reduce((flags, key) => flags | POSE_FLAGS[key], 0));
  let offset = HEADER_BYTES;
  const write = (value: number, scale: number) => {
    view.setInt16(offset, quantize(value, scale), true);
    offset += 2;
  };
  for (const key of present) {
    const { position, quaternion } = sample[key] as RigidTransform;
    for (const value of position) write(value, POSITION_SCALE);
    for (const value of quaternion) write(value, ROTATION_SCALE);
  }
  return bytes;
}

/** The channel of a well-formed frame (length matches its flags), else null. Cheap enough to run on every frame. */
export function readPoseChannel(frame: unknown): number | null {
  if (!(frame instanceof Uint8Array) || frame.length < HEADER_BYTES) return null;
  const flags = frame[8] as number;
  if (flags > 7) return null;
  const tracked = (flags & 1) + ((flags >> 1) & 1) + ((flags >> 2) & 1);
  if (frame.length !== HEADER_BYTES + POSE_BYTES * tracked) return null;
  return ((frame[0] as number) | ((frame[1] as number) << 8) | ((frame[2] as number) << 16) | ((frame[3] as number) << 24)) >>> 0;
}

export function decodePoseFrame(frame: Uint8Array): DecodedPoseFrame | null {
  const channel = readPoseChannel(frame);
  if (channel === null) return null;
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const flags = view.getUint8(8);
  const sample: PoseSample = { t: view.getUint32(4, true) };
  let offset = HEADER_BYTES;
  const read = (scale: number) => {
    const value = view.getInt16(offset, true) / scale;
    offset += 2;
    return value;
  };
  for (const key of TRACKED) {
    if (!(flags & POSE_FLAGS[key])) continue;
    const position = [read(POSITION_SCALE), read(POSITION_SCALE), read(POSITION_SCALE)] as const;
    const quaternion = [read(ROTATION_SCALE), read(ROTATION_SCALE), read(ROTATION_SCALE), read(ROTATION_SCALE)] as const;
    sample[key] = { position: [...position], quaternion: [...quaternion] };
  }
  return { channel, sample };
}
