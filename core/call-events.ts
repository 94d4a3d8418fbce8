// WebRTC signaling carried over Socket.IO between the members of a session: offers, answers, ICE candidates, mute.
import { z } from 'zod';
import { SessionIdSchema } from './session.ts';
import type { Ack } from './ack.ts';

export const MAX_SDP_LENGTH = 32 * 1024;
export const CallIdSchema = z.string().min(1).max(64);

const CallRef = { sessionId: SessionIdSchema, callId: CallIdSchema };
export const CallSdpSchema = z.strictObject({ ...CallRef, sdp: z.string().min(1).max(MAX_SDP_LENGTH) });
export const CallIceSchema = z.strictObject({
  ...CallRef,
  /** null marks the end of candidates. */
  candidate: z
    .strictObject({
      candidate: z.string().max(2048),
      sdpMid: z.string().max(64).nullable().optional(),
      sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
      usernameFragment: z.string().max(256).nullable().optional(),
    })
    .nullable(),
});
export const CallHangupSchema = z.strictObject({ ...CallRef, reason: z.string().max(200).optional() });
export const CallMuteSchema = z.strictObject({ ...CallRef, kind: z.enum(['audio', 'video']), muted: z.boolean() });

type Relayed<S extends z.ZodType> = z.infer<S> & { from: string };
export type CallSdp = Relayed<typeof CallSdpSchema>;
export type CallIce = Relayed<typeof CallIceSchema>;
export type CallHangup = Relayed<typeof CallHangupSchema>;
export type CallMute = Relayed<typeof CallMuteSchema>;

export interface CallClientToServerEvents {
  /** The first offer of a new callId starts (and logs) a call; later offers with the same id renegotiate (ICE restart). */
  'call:offer': (payload: z.input<typeof CallSdpSchema>, ack: Ack) => void;
  'call:answer': (payload: z.input<typeof CallSdpSchema>, ack: Ack) => void;
  'call:ice': (payload: z.input<typeof CallIceSchema>, ack: Ack) => void;
  'call:hangup': (payload: z.input<typeof CallHangupSchema>, ack: Ack) => void;
  'call:mute': (payload: z.input<typeof CallMuteSchema>, ack: Ack) => void;
}

export interface CallServerToClientEvents {
  'call:offer': (payload: CallSdp) => void;
  'call:answer': (payload: CallSdp) => void;
  'call:ice': (payload: CallIce) => void;
  'call:hangup': (payload: CallHangup) => void;
  'call:mute': (payload: CallMute) => void;
}
