// A call's messages on the session's socket: offers, answers, ICE candidates, hang-ups and mute changes of one session,
// sent with its id and heard only when they are for it. Sends whose failure changes nothing are fire-and-forget.
import type { CallHangup, CallIce, CallMute, CallSdp } from '../../../core/call-events.ts';
import type { RealtimeClient } from '../realtime/realtime-client.ts';

type WireCandidate = CallIce['candidate'];

export interface CallSignalHandlers {
  /** An offer from another member: a new call, or a renegotiation of ours. */
  offer(payload: CallSdp): void;
  answer(payload: CallSdp): void;
  /** A remote ICE candidate (null: the end of candidates). */
  ice(callId: string, candidate: RTCIceCandidateInit | null): void;
  hangup(payload: CallHangup): void;
  mute(payload: CallMute): void;
}

const toWire = (candidate: RTCIceCandidateInit | null): WireCandidate =>
  candidate ? { candidate: candidate.candidate ?? '', sdpMid: candidate.sdpMid ?? null, sdpMLineIndex: candidate.sdpMLineIndex ?? null, usernameFragment: candidate.usernameFragment ?? null } : null;

const fromWire = (candidate: WireCandidate): RTCIceCandidateInit | null =>
  candidate ? { candidate: candidate.candidate, sdpMid: candidate.sdpMid ?? null, sdpMLineIndex: candidate.sdpMLineIndex ?? null, usernameFragment: candidate.usernameFragment ?? null } : null;

const ignore = () => undefined;

export function createCallSignaling(client: RealtimeClient, sessionId: string, selfId: string) {
  return {
    /** Resolves once the server took the offer (for a new call id, once it logged the call). */
    offer: (callId: string, sdp: string) => client.request('call:offer', { sessionId, callId, sdp }),
    answer: (callId: string, sdp: string) => client.request('call:answer', { sessionId, callId, sdp }),
    ice(callId: string, candidate: RTCIceCandidateInit | null): void {
      void client.request('call:ice', { sessionId, callId, candidate: toWire(candidate) }).catch(ignore);
    },
    hangup: (callId: string, reason?: string) => client.request('call:hangup', { sessionId, callId, ...(reason ? { reason } : {}) }).then(ignore, ignore),
    mute: (callId: string, muted: boolean) => client.request('call:mute', { sessionId, callId, kind: 'audio', muted }).then(ignore, ignore),
    listen(handlers: CallSignalHandlers): () => void {
      const offs = [
        client.on('call:offer', (payload) => {
          if (payload.sessionId === sessionId && payload.from !== selfId) handlers.offer(payload);
        }),
        client.on('call:answer', (payload) => {
          if (payload.sessionId === sessionId) handlers.answer(payload);
        }),
        client.on('call:ice', (payload) => {
          if (payload.sessionId === sessionId) handlers.ice(payload.callId, fromWire(payload.candidate));
        }),
        client.on('call:hangup', (payload) => {
          if (payload.sessionId === sessionId) handlers.hangup(payload);
        }),
        client.on('call:mute', (payload) => {
          if (payload.sessionId === sessionId) handlers.mute(payload);
        }),
      ];
      return () => offs.forEach((off) => off());
    },
  };
}

export type CallSignaling = ReturnType<typeof createCallSignaling>;
