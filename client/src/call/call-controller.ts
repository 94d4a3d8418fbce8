// A voice (optionally video) call between the members of a session: the call's phases over its signaling (call-
// signaling.ts), peer connection (peer-link.ts) and local media (call-media.ts); mute, ICE restart, hang-up. The peer
// connection does not depend on the socket, so the call carries on while the socket reconnects.
import { createStore } from 'zustand/vanilla';
import type { CallSdp } from '../../../core/call-events.ts';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import type { SessionMirror } from '../sessions/session-mirror.ts';
import type { LiveSession } from '../sessions/live-session.ts';
import type { CallAudioStats } from './call-stats.ts';
import { playRemoteAudio } from './call-audio.ts';
import { createCallMedia } from './call-media.ts';
import { createCallSignaling } from './call-signaling.ts';
import { createPeerLink, type PeerLink } from './peer-link.ts';
import { errorText } from '../i18n/error-text.ts';

export type CallPhase = 'idle' | 'calling' | 'ringing' | 'connecting' | 'connected' | 'reconnecting' | 'ended' | 'failed';

export interface CallControllerState {
  phase: CallPhase;
  callId: string | null;
  /** Who is calling us (user id) while ringing. */
  incomingFrom: string | null;
  muted: boolean;
  remoteMuted: boolean;
  video: boolean;
  remoteStream: MediaStream | null;
  iceState: RTCIceConnectionState | null;
  error: string | null;
}

export interface CallControllerOptions {
  client: RealtimeClient;
  mirror: SessionMirror;
  selfId: string;
  /** Browser APIs, replaceable where they do not exist. */
  media?: Pick<MediaDevices, 'getUserMedia'>;
}

const newCallId = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `call-${Date.now()}-${Math.random().toString(16).slice(2)}`);
const describe = (error: unknown) => errorText(error);

export function createCallController({ client, mirror, selfId, media: devices = navigator.mediaDevices }: CallControllerOptions) {
  const store = createStore<CallControllerState>(() => ({ phase: 'idle', callId: null, incomingFrom: null, muted: false, remoteMuted: false, video: false, remoteStream: null, iceState: null, error: null }));
  const set = (patch: Partial<CallControllerState>) => store.setState(patch);
  const signaling = createCallSignaling(client, mirror.sessionId, selfId);
  const media = createCallMedia(devices);
  let link: PeerLink | null = null;
  let pendingOffer: string | null = null;
  /** Their candidates that came while ringing, for the link made on answering. */
  let early: Array<RTCIceCandidateInit | null> = [];
  let isOfferer = false;

  const close = (phase: CallPhase, error: string | null = null) => {
    link?.close();
    link = null;
    media.release();
    pendingOffer = null;
    early = [];
    set({ phase, callId: phase === 'failed' || phase === 'ended' ? null : store.getState().callId, incomingFrom: null, remoteStream: null, iceState: null, muted: false, remoteMuted: false, error });
  };

  const restartIce = async () => {
    const { callId } = store.getState();
    if (!link || !callId || !isOfferer || client.getState().status !== 'online') return;
    set({ phase: 'reconnecting' });
    const sdp = await link.offer(true);
    await signaling.offer(callId, sdp).catch(() => undefined);
  };

  const openLink = () =>
    createPeerLink({
      candidate(candidate) {
        const { callId } = store.getState();
        if (callId) signaling.ice(callId, candidate);
      },
      remoteStream: (remoteStream) => set({ remoteStream }),
      iceState(iceState) {
        set({ iceState });
        if (iceState === 'connected' || iceState === 'completed') set({ phase: 'connected', error: null });
        else if (iceState === 'disconnected') set({ phase: 'reconnecting' });
      },
      restartNeeded: () => void restartIce(),
    });

  /** A link that answers: our candidates go out at once, the microphone is on it (muted if it was). */
  const answeringLink = async (): Promise<PeerLink> => {
    const made = await openLink();
    made.openSignaling();
    media.sendOn(made.connection);
    if (store.getState().muted) await media.setMuted(true);
    return made;
  };

  const answer = async (current: PeerLink, offerSdp: string) => {
    const sdp = await current.answer(offerSdp);
    const { callId } = store.getState();
    if (callId) await signaling.answer(callId, sdp);
  };

  const onOffer = async (payload: CallSdp) => {
    const state = store.getState();
    if (state.callId === payload.callId && link) {
      try {
        await answer(link, payload.sdp);
      } catch {
        // The other side started over with a new peer (e.g. after a reload): answer it with a fresh connection.
        link.close();
        isOfferer = false;
        link = await answeringLink();
        await answer(link, payload.sdp);
      }
      return;
    }
    if (state.phase === 'idle' || state.phase === 'ended' || state.phase === 'failed') {
      pendingOffer = payload.sdp;
      early = [];
      set({ phase: 'ringing', callId: payload.callId, incomingFrom: payload.from, error: null });
    }
  };

  const offSignals = signaling.listen({
    offer: (payload) => void onOffer(payload).catch((error: unknown) => close('failed', describe(error))),
    answer(payload) {
      const current = link;
      if (payload.callId !== store.getState().callId || !current) return;
      void current
        .takeAnswer(payload.sdp)
        .then(() => set({ phase: store.getState().phase === 'calling' ? 'connecting' : store.getState().phase }))
        .catch((error: unknown) => set({ error: describe(error) }));
    },
    ice(callId, candidate) {
      if (callId !== store.getState().callId) return;
      if (link) link.addRemoteCandidate(candidate);
      else early.push(candidate);
    },
    hangup(payload) {
      if (payload.callId === store.getState().callId) close('ended');
    },
    mute(payload) {
      if (payload.callId === store.getState().callId && payload.kind === 'audio') set({ remoteMuted: payload.muted });
    },
  });
  const offMirror = mirror.subscribe((state) => {
    const { callId, phase } = store.getState();
    if (callId && phase !== 'idle' && phase !== 'calling' && state.session && state.session.call?.callId !== callId) close('ended');
  });
  const offClient = client.subscribe((state) => {
    const ice = link?.connection.iceConnectionState;
    if (state.status === 'online' && (ice === 'failed' || ice === 'disconnected')) void restartIce();
  });

  const controller = {
    getState: store.getState,
    subscribe: store.subscribe,
    /** Calls the other members of the session. */
    async start(video = false) {
      if (link) return;
      const callId = newCallId();
      isOfferer = true;
      set({ phase: 'calling', callId, error: null, video, muted: false, remoteMuted: false });
      try {
        await media.capture(video);
        link = await openLink();
        media.sendOn(link.connection);
        await signaling.offer(callId, await link.offer());
        link.openSignaling();
      } catch (error) {
        close('failed', describe(error));
      }
    },
    async accept(video = false) {
      const sdp = pendingOffer;
      if (!sdp || link) return;
      pendingOffer = null;
      isOfferer = false;
      set({ phase: 'connecting', incomingFrom: null, video });
      try {
        await media.capture(video);
        link = await answeringLink();
        for (const candidate of early) link.addRemoteCandidate(candidate);
        early = [];
        await answer(link, sdp);
      } catch (error) {
        close('failed', describe(error));
      }
    },
    async hangup(reason?: string) {
      const { callId } = store.getState();
      close('ended');
      if (callId) await signaling.hangup(callId, reason);
    },
    decline() {
      return this.hangup('declined');
    },
    async setMuted(muted: boolean) {
      const { callId } = store.getState();
      if (!link || !callId || !(await media.setMuted(muted))) return;
      set({ muted });
      await signaling.mute(callId, muted);
    },
    /** Live counters of the current call, read from the peer connection. */
    readStats(): Promise<CallAudioStats | null> {
      return link ? link.readStats() : Promise.resolve(null);
    },
    /** Leaving the page ends our side of the call; the other side is told. */
    destroy() {
      offSignals();
      offMirror();
      offClient();
      stopAudio();
      const { callId } = store.getState();
      if (link && callId) void signaling.hangup(callId, 'left');
      close('ended');
    },
  };
  const stopAudio = typeof document === 'undefined' ? () => undefined : playRemoteAudio(controller);
  return controller;
}

export type CallController = ReturnType<typeof createCallController>;

declare module '../sessions/live-session.ts' {
  interface SessionResources {
    call: CallController;
  }
}

/** The call of a live session, made on first use (so it can ring) and hung up when the session is destroyed. */
export function callOf(session: LiveSession): CallController {
  return session.use('call', ({ client, mirror, selfId }) => createCallController({ client, mirror, selfId }));
}
