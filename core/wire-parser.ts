// Socket.IO parser that sends `pose:update` frames as one tagged binary message; everything else is the stock parser.
import { Decoder as StockDecoder, Encoder as StockEncoder, PacketType, type Packet } from 'socket.io-parser';

/**
 * Stock Socket.IO sends a binary event as a JSON header plus an attachment (two WebSocket messages, ~45 bytes of
 * header). A pose frame is ~50 bytes at 30 Hz, so the header would double the bandwidth. Ack-less, namespace-root
 * `pose:update` events whose only argument is bytes travel as [COMPACT_TAG, ...bytes] instead. Both ends must use
 * this parser: pass `parser: wireParser` to `io()` on the client and `serverWireParser` to `new Server()`.
 */
export const COMPACT_TAG = 0xb7;
export const COMPACT_EVENT = 'pose:update';

function toBytes(chunk: unknown): Uint8Array | null {
  if (chunk instanceof Uint8Array) return chunk;
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  return null;
}

function isCompact(packet: Packet): boolean {
  return (
    packet.type === PacketType.EVENT &&
    packet.id === undefined &&
    packet.nsp === '/' &&
    Array.isArray(packet.data) &&
    packet.data.length === 2 &&
    packet.data[0] === COMPACT_EVENT &&
    (packet.data[1] instanceof Uint8Array || packet.data[1] instanceof ArrayBuffer)
  );
}

export class Encoder extends StockEncoder {
  override encode(packet: Packet): unknown[] {
    if (!isCompact(packet)) return super.encode(packet);
    const payload = toBytes((packet.data as unknown[])[1]) as Uint8Array;
    const frame = new Uint8Array(payload.length + 1);
    frame[0] = COMPACT_TAG;
    frame.set(payload, 1);
    return [frame];
  }
}

export class Decoder extends StockDecoder {
  /** Binary messages still owed to a stock binary packet; only other binary messages can be compact frames. */
  private pendingAttachments = 0;

  override add(chunk: unknown): void {
    if (typeof chunk === 'string') {
      super.add(chunk);
      const type = chunk.charCodeAt(0) - 48;
      if (type === PacketType.BINARY_EVENT || type === PacketType.BINARY_ACK) this.pendingAttachments = Number.parseInt(chunk.slice(1), 10);
      return;
    }
    if (this.pendingAttachments > 0) {
      this.pendingAttachments -= 1;
      super.add(chunk);
      return;
    }
    const bytes = toBytes(chunk);
    if (bytes && isCompactFrame(bytes)) return this.compact(bytes);
    super.add(chunk);
  }

  protected compact(frame: Uint8Array): void {
    this.emitReserved('decoded', { type: PacketType.EVENT, nsp: '/', data: [COMPACT_EVENT, frame.subarray(1)] });
  }

  override destroy(): void {
    this.pendingAttachments = 0;
    super.destroy();
  }
}

/** A tagged compact frame as it travels: [COMPACT_TAG, ...payload]. */
export function isCompactFrame(data: unknown): data is Uint8Array {
  return data instanceof Uint8Array && data.length > 1 && data[0] === COMPACT_TAG;
}

/** Leaves compact frames to a reader on the engine.io socket, which relays them without a Socket.IO packet. */
class EngineLevelDecoder extends Decoder {
  protected override compact(): void {}
}

/** The `parser` option value for `io()` in clients. */
export const wireParser = { Encoder, Decoder };

/** The server's `parser`: compact frames are read from `socket.conn` 'data' (see server/assist/pose-relay.ts). */
export const serverWireParser = { Encoder, Decoder: EngineLevelDecoder };
