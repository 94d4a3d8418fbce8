// One WebRTC peer connection of a call, made with the deployment's ICE servers. It holds our ICE candidates until the
// other side knows the call and theirs until the remote description is set, reports the remote stream and the ICE
// state, gives a dropped link a grace period before asking for an ICE restart, and makes offers and answers.
import { loadIceServers } from './ice-config.ts';
import { readAudioStats, type CallAudioStats } from './call-stats.ts';

const DISCONNECTED_GRACE_MS = 3000;

export interface PeerLinkEvents {
  /** Our ICE candidate to send (null: the end of candidates), once signaling is open. */
  candidate(candidate: RTCIceCandidateInit | null): void;
  remoteStream(stream: MediaStream): void;
  iceState(state: RTCIceConnectionState): void;
  /** ICE failed, or stayed disconnected past the grace period: the offerer should restart it. */
  restartNeeded(): void;
}

export async function createPeerLink(events: PeerLinkEvents) {
  const connection = new RTCPeerConnection({ iceServers: await loadIceServers() });
  let signalingOpen = false;
  let closed = false;
  let outgoing: Array<RTCIceCandidateInit | null> = [];
  let incoming: Array<RTCIceCandidateInit | null> = [];
  let graceTimer: ReturnType<typeof setTimeout> | null = null;

  const stopGrace = () => {
    if (graceTimer) clearTimeout(graceTimer);
    graceTimer = null;
  };
  const addRemoteCandidates = async () => {
    if (!connection.remoteDescription) return;
    const queued = incoming;
    incoming = [];
    for (const candidate of queued) await connection.addIceCandidate(candidate ?? undefined).catch(() => undefined);
  };

  connection.onicecandidate = (event) => {
    const candidate = event.candidate ? event.candidate.toJSON() : null;
    if (signalingOpen) events.candidate(candidate);
    else outgoing.push(candidate);
  };
  connection.ontrack = (event) => events.remoteStream(event.streams[0] ?? new MediaStream([event.track]));
  connection.oniceconnectionstatechange = () => {
    if (closed) return;
    const state = connection.iceConnectionState;
    stopGrace();
    events.iceState(state);
    if (state === 'failed') events.restartNeeded();
    else if (state === 'disconnected') graceTimer = setTimeout(() => events.restartNeeded(), DISCONNECTED_GRACE_MS);
  };

  return {
    connection,
    /** The other side knows the call now: our candidates go out as they come. */
    openSignaling(): void {
      signalingOpen = true;
      const queued = outgoing;
      outgoing = [];
      queued.forEach((candidate) => events.candidate(candidate));
    },
    addRemoteCandidate(candidate: RTCIceCandidateInit | null): void {
      incoming.push(candidate);
      void addRemoteCandidates();
    },
    /** Makes and sets our offer; with `iceRestart`, one that restarts ICE. */
    async offer(iceRestart = false): Promise<string> {
      if (iceRestart) connection.restartIce();
      const offer = await connection.createOffer(iceRestart ? { iceRestart } : undefined);
      await connection.setLocalDescription(offer);
      return offer.sdp ?? '';
    },
    async takeAnswer(sdp: string): Promise<void> {
      await connection.setRemoteDescription({ type: 'answer', sdp });
      await addRemoteCandidates();
    },
    /** Takes the other side's offer and makes and sets our answer. */
    async answer(offerSdp: string): Promise<string> {
      await connection.setRemoteDescription({ type: 'offer', sdp: offerSdp });
      await addRemoteCandidates();
      const answer = await connection.createAnswer();
      await connection.setLocalDescription(answer);
      return answer.sdp ?? '';
    },
    readStats: (): Promise<CallAudioStats> => readAudioStats(connection),
    close(): void {
      closed = true;
      stopGrace();
      connection.close();
    },
  };
}

export type PeerLink = Awaited<ReturnType<typeof createPeerLink>>;
