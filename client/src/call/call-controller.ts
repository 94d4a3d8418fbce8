// A voice (optionally video) call between the members of a session: WebRTC peer connection, Socket.IO signaling, mute,
// ICE restart. The peer connection does not depend on the socket, so the call carries on while the socket reconnects.
import { createStore } from 'zustand/vanilla';
import type { CallIce, CallSdp } from '../../../core/call-events.ts';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import type { SessionMirror } from '../sessions/session-mirror.ts';
import type { LiveSession } from '../sessions/live-session.ts';
import { loadIceServers } from './ice-config.ts';
import { readAudioStats, type CallAudioStats } from './call-stats.ts';
import { playRemoteAudio } from './call-audio.ts';

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
  stats: CallAudioStats | null;
}

export interface CallControllerOptions {
  client: RealtimeClient;
  mirror: SessionMirror;
  selfId: string;
  /** Browser APIs, replaceable where they do not exist. */
  media?: Pick<MediaDevices, 'getUserMedia'>;
}

const DISCONNECTED_GRACE_MS = 3000;
const STATS_EVERY_MS = 1000;
const newCallId = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `call-${Date.now()}-${Math.random().toString(16).slice(2)}`);
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createCallController({ client, mirror, selfId, media = navigator.mediaDevices }: CallControllerOptions) {
  const sessionId = mirror.sessionId;
  const store = createStore<CallControllerState>(() => ({
    phase: 'idle',
    callId: null,
    incomingFrom: null,
    muted: false,
    remoteMuted: false,
    video: false,
    remoteStream: null,
    iceState: null,
    error: null,
    stats: null,
  }));
  let connection: RTCPeerConnection | null = null;
  let local: MediaStream | null = null;
  let audioSender: RTCRtpSender | null = null;
  let pendingOffer: string | null = null;
  let isOfferer = false;
  /** Our candidates wait until the server knows the call; theirs until the remote description is set. */
  let signalingOpen = false;
  let outgoing: Array<RTCIceCandidateInit | null> = [];
  let incoming: Array<RTCIceCandidateInit | null> = [];
  let statsTimer: ReturnType<typeof setInterval> | null = null;
  let graceTimer: ReturnType<typeof setTimeout> | null = null;

  const set = (patch: Partial<CallControllerState>) => store.setState(patch);

  const sendIce = (candidate: RTCIceCandidateInit | null) => {
    const callId = store.getState().callId;
    if (!callId) return;
    const payload = candidate
      ? { candidate: candidate.candidate ?? '', sdpMid: candidate.sdpMid ?? null, sdpMLineIndex: candidate.sdpMLineIndex ?? null, usernameFragment: candidate.usernameFragment ?? null }
      : null;
    void client.request('call:ice', { sessionId, callId, candidate: payload }).catch(() => undefined);
  };

  const openSignaling = () => {
    signalingOpen = true;
    const queued = outgoing;
    outgoing = [];
    queued.forEach(sendIce);
  };

  const addRemoteCandidates = async () => {
    if (!connection?.remoteDescription) return;
    const queued = incoming;
    incoming = [];
    for (const candidate of queued) await connection.addIceCandidate(candidate ?? undefined).catch(() => undefined);
  };

  const stopTimers = () => {
    if (statsTimer) clearInterval(statsTimer);
    if (graceTimer) clearTimeout(graceTimer);
    statsTimer = null;
    graceTimer = null;
  };

  const close = (phase: CallPhase, error: string | null = null) => {
    stopTimers();
    connection?.close();
    connection = null;
    local?.getTracks().forEach((track) => track.stop());
    local = null;
    audioSender = null;
    pendingOffer = null;
    signalingOpen = false;
    outgoing = [];
    incoming = [];
    set({ phase, callId: phase === 'failed' || phase === 'ended' ? null : store.getState().callId, incomingFrom: null, remoteStream: null, iceState: null, muted: false, remoteMuted: false, error });
  };

  const restartIce = async () => {
    const { callId } = store.getState();
    if (!connection || !callId || !isOfferer || client.getState().status !== 'online') return;
    set({ phase: 'reconnecting' });
    connection.restartIce();
    const offer = await connection.createOffer({ iceRestart: true });
    await connection.setLocalDescription(offer);
    await client.request('call:offer', { sessionId, callId, sdp: offer.sdp ?? '' }).catch(() => undefined);
  };

  const makeConnection = async (): Promise<RTCPeerConnection> => {
    const created = new RTCPeerConnection({ iceServers: await loadIceServers() });
    created.onicecandidate = (event) => {
      const candidate = event.candidate ? event.candidate.toJSON() : null;
      if (signalingOpen) sendIce(candidate);
      else outgoing.push(candidate);
    };
    created.ontrack = (event) => set({ remoteStream: event.streams[0] ?? new MediaStream([event.track]) });
    created.oniceconnectionstatechange = () => {
      if (connection !== created) return;
      const state = created.iceConnectionState;
      set({ iceState: state });
      if (graceTimer) clearTimeout(graceTimer);
      graceTimer = null;
      if (state === 'connected' || state === 'completed') set({ phase: 'connected', error: null });
      else if (state === 'failed') void restartIce();
      else if (state === 'disconnected') {
        set({ phase: 'reconnecting' });
        graceTimer = setTimeout(() => void restartIce(), DISCONNECTED_GRACE_MS);
      }
    };
    statsTimer = setInterval(() => {
      if (connection === created) void readAudioStats(created).then((stats) => set({ stats }), () => undefined);
    }, STATS_EVERY_MS);
    return created;
  };

  const addLocalTracks = (target: RTCPeerConnection, stream: MediaStream) => {
    for (const track of stream.getTracks()) {
      const sender = target.addTrack(track, stream);
      if (track.kind === 'audio') audioSender = sender;
    }
  };

  const captureLocal = async (video: boolean) => {
    local = await media.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true }, video });
    return local;
  };

  const answerOffer = async (sdp: string) => {
    if (!connection) return;
    await connection.setRemoteDescription({ type: 'offer', sdp });
    await addRemoteCandidates();
    const answer = await connection.createAnswer();
    await connection.setLocalDescription(answer);
    const callId = store.getState().callId;
    if (callId) await client.request('call:answer', { sessionId, callId, sdp: answer.sdp ?? '' });
  };

  const onOffer = async (payload: CallSdp) => {
    const state = store.getState();
    if (state.callId === payload.callId && connection) {
      try {
        await answerOffer(payload.sdp);
      } catch {
        // The other side started over with a new peer (e.g. after a reload): answer it with a fresh connection.
        await rebuildAndAnswer(payload.sdp);
      }
      return;
    }
    if (state.phase === 'idle' || state.phase === 'ended' || state.phase === 'failed') {
      pendingOffer = payload.sdp;
      incoming = [];
      set({ phase: 'ringing', callId: payload.callId, incomingFrom: payload.from, error: null });
    }
  };

  const rebuildAndAnswer = async (sdp: string) => {
    stopTimers();
    connection?.close();
    connection = await makeConnection();
    isOfferer = false;
    signalingOpen = true;
    if (local) addLocalTracks(connection, local);
    const { muted } = store.getState();
    if (muted) await audioSender?.replaceTrack(null);
    await answerOffer(sdp);
  };

  const offs = [
    client.on('call:offer', (payload) => {
      if (payload.sessionId === sessionId && payload.from !== selfId) void onOffer(payload).catch((error: unknown) => close('failed', describe(error)));
    }),
    client.on('call:answer', (payload) => {
      if (payload.sessionId !== sessionId || payload.callId !== store.getState().callId || !connection) return;
      void connection
        .setRemoteDescription({ type: 'answer', sdp: payload.sdp })
        .then(addRemoteCandidates)
        .then(() => set({ phase: store.getState().phase === 'calling' ? 'connecting' : store.getState().phase }))
        .catch((error: unknown) => set({ error: describe(error) }));
    }),
    client.on('call:ice', (payload: CallIce) => {
      if (payload.sessionId !== sessionId || payload.callId !== store.getState().callId) return;
      const candidate = payload.candidate
        ? { candidate: payload.candidate.candidate, sdpMid: payload.candidate.sdpMid ?? null, sdpMLineIndex: payload.candidate.sdpMLineIndex ?? null, usernameFragment: payload.candidate.usernameFragment ?? null }
        : null;
      incoming.push(candidate);
      void addRemoteCandidates();
    }),
    client.on('call:hangup', (payload) => {
      if (payload.sessionId === sessionId && payload.callId === store.getState().callId) close('ended');
    }),
    client.on('call:mute', (payload) => {
      if (payload.sessionId === sessionId && payload.callId === store.getState().callId && payload.kind === 'audio') set({ remoteMuted: payload.muted });
    }),
    mirror.subscribe((state) => {
      const { callId, phase } = store.getState();
      if (callId && phase !== 'idle' && phase !== 'calling' && state.session && state.session.call?.callId !== callId) close('ended');
    }),
    client.subscribe((state) => {
      const ice = connection?.iceConnectionState;
      if (state.status === 'online' && (ice === 'failed' || ice === 'disconnected')) void restartIce();
    }),
  ];

  const controller = {
    getState: store.getState,
    subscribe: store.subscribe,
    /** Calls the other members of the session. */
    async start(video = false) {
      if (connection) return;
      const callId = newCallId();
      isOfferer = true;
      set({ phase: 'calling', callId, error: null, video, muted: false, remoteMuted: false });
      try {
        const stream = await captureLocal(video);
        connection = await makeConnection();
        addLocalTracks(connection, stream);
        const offer = await connection.createOffer();
        await connection.setLocalDescription(offer);
        await client.request('call:offer', { sessionId, callId, sdp: offer.sdp ?? '' });
        openSignaling();
      } catch (error) {
        close('failed', describe(error));
      }
    },
    async accept(video = false) {
      const sdp = pendingOffer;
      if (!sdp || connection) return;
      pendingOffer = null;
      isOfferer = false;
      set({ phase: 'connecting', incomingFrom: null, video });
      try {
        const stream = await captureLocal(video);
        connection = await makeConnection();
        signalingOpen = true;
        addLocalTracks(connection, stream);
        await answerOffer(sdp);
      } catch (error) {
        close('failed', describe(error));
      }
    },
    async hangup(reason?: string) {
      const { callId } = store.getState();
      close('ended');
      if (callId) await client.request('call:hangup', { sessionId, callId, ...(reason ? { reason } : {}) }).catch(() => undefined);
    },
    decline() {
      return this.hangup('declined');
    },
    async setMuted(muted: boolean) {
      const { callId } = store.getState();
      const track = local?.getAudioTracks()[0];
      if (!track || !connection || !callId) return;
      track.enabled = !muted;
      await audioSender?.replaceTrack(muted ? null : track);
      set({ muted });
      await client.request('call:mute', { sessionId, callId, kind: 'audio', muted }).catch(() => undefined);
    },
    /** Live counters of the current call, read from the peer connection. */
    readStats(): Promise<CallAudioStats | null> {
      return connection ? readAudioStats(connection) : Promise.resolve(null);
    },
    /** Leaving the page ends our side of the call; the other side is told. */
    destroy() {
      offs.forEach((off) => off());
      stopAudio();
      const { callId } = store.getState();
      if (connection && callId) void client.request('call:hangup', { sessionId, callId, reason: 'left' }).catch(() => undefined);
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
