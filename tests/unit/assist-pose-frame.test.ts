// The compact pose frame and the wire parser that carries it: quantization, validation, and stock packets untouched.
import { describe, expect, it } from 'vitest';
import { PacketType, type Packet } from 'socket.io-parser';
import { decodePoseFrame, encodePoseFrame, readPoseChannel, sessionPoseChannel, type PoseSample } from '../../core/pose-frame.ts';
import { COMPACT_TAG, serverWireParser, wireParser } from '../../core/wire-parser.ts';

const full: PoseSample = {
  t: 123_456,
  head: { position: [1.23456, -0.0004, 32.9], quaternion: [0.70712, 0, -0.70712, 0.00004] },
  left: { position: [0, 1, 2], quaternion: [0, 0, 0, 1] },
  right: { position: [-1, -1, -1], quaternion: [1, 0, 0, 0] },
};

describe('pose frame', () => {
  it('round-trips to the mm and 1e-4, clamping positions beyond ±32.767 m', () => {
    const frame = encodePoseFrame(0xdeadbeef, full);
    expect(frame.byteLength).toBe(9 + 3 * 14);
    const decoded = decodePoseFrame(frame);
    expect(decoded?.channel).toBe(0xdeadbeef);
    expect(decoded?.sample.t).toBe(123_456);
    expect(decoded?.sample.head).toEqual({ position: [1.235, 0, 32.767], quaternion: [0.7071, 0, -0.7071, 0] });
    expect(decoded?.sample.right).toEqual(full.right);
  });

  it('omits untracked hands: a head-only frame is 23 bytes', () => {
    const frame = encodePoseFrame(7, { t: 1, head: full.head as NonNullable<PoseSample['head']> });
    expect(frame.byteLength).toBe(23);
    expect(decodePoseFrame(frame)?.sample).toEqual({ t: 1, head: expect.any(Object) });
  });

  it('refuses anything whose length does not match its flags', () => {
    const frame = encodePoseFrame(7, full);
    expect(readPoseChannel(frame)).toBe(7);
    expect(readPoseChannel(frame.subarray(0, 50))).toBeNull();
    expect(readPoseChannel(new Uint8Array(5))).toBeNull();
    const badFlags = frame.slice();
    badFlags[8] = 8;
    expect(readPoseChannel(badFlags)).toBeNull();
    expect(readPoseChannel('not bytes')).toBeNull();
    expect(readPoseChannel([1, 2, 3])).toBeNull();
  });

  it('names the session by the first 32 bits of its id', () => {
    expect(sessionPoseChannel('0000002a-aaaa-4bbb-8ccc-dddddddddddd')).toBe(42);
    expect(sessionPoseChannel('ffffffff-aaaa-4bbb-8ccc-dddddddddddd')).toBe(0xffffffff);
  });
});

function decodeAll(parser: typeof wireParser, chunks: unknown[]): Packet[] {
  const decoder = new parser.Decoder();
  const packets: Packet[] = [];
  decoder.on('decoded', (packet) => packets.push(packet));
  for (const chunk of chunks) decoder.add(chunk);
  return packets;
}

describe('wire parser', () => {
  const encoder = new wireParser.Encoder();
  const pose = encodePoseFrame(7, full);

  it('sends an ack-less pose event as one tagged binary message and reads it back', () => {
    const encoded = encoder.encode({ type: PacketType.EVENT, nsp: '/', data: ['pose:update', pose] });
    expect(encoded).toHaveLength(1);
    const [frame] = encoded as [Uint8Array];
    expect(frame[0]).toBe(COMPACT_TAG);
    expect(frame.byteLength).toBe(pose.byteLength + 1);
    const [packet] = decodeAll(wireParser, [frame]);
    expect(packet).toMatchObject({ type: PacketType.EVENT, nsp: '/', data: ['pose:update', pose] });
  });

  it('leaves every other packet to the stock encoding, pose with an ack included', () => {
    expect(encoder.encode({ type: PacketType.EVENT, nsp: '/', data: ['chat:send', { text: 'hi' }] })).toEqual(['2["chat:send",{"text":"hi"}]']);
    const withAck = encoder.encode({ type: PacketType.EVENT, nsp: '/', id: 3, data: ['pose:update', pose] });
    expect(withAck).toHaveLength(2);
    expect(String(withAck[0])).toMatch(/^51-3\["pose:update",\{"_placeholder":true,"num":0\}\]$/);
  });

  it('tells a stock attachment from a compact frame that follows it, even when the attachment starts with the tag', () => {
    const attachment = new Uint8Array([COMPACT_TAG, 1, 2, 3]);
    const stock = encoder.encode({ type: PacketType.EVENT, nsp: '/', data: ['file', attachment] });
    const compact = encoder.encode({ type: PacketType.EVENT, nsp: '/', data: ['pose:update', pose] });
    const packets = decodeAll(wireParser, [...stock, ...compact]);
    expect(packets.map((packet) => (packet.data as unknown[])[0])).toEqual(['file', 'pose:update']);
    expect(new Uint8Array((packets[0]?.data as unknown[])[1] as Uint8Array)).toEqual(attachment);
  });

  it("the server's decoder leaves compact frames to the engine-level relay", () => {
    const compact = encoder.encode({ type: PacketType.EVENT, nsp: '/', data: ['pose:update', pose] });
    expect(decodeAll(serverWireParser, compact)).toEqual([]);
    expect(decodeAll(serverWireParser, ['2["chat:send",{}]'])).toHaveLength(1);
  });
});
