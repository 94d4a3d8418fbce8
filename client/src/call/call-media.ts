// The local side of a call's media: the microphone (and camera) captured for it, its tracks sent on a peer connection,
// muting by taking the audio track off the sender, and releasing the devices.
export function createCallMedia(devices: Pick<MediaDevices, 'getUserMedia'>) {
  let local: MediaStream | null = null;
  let audioSender: RTCRtpSender | null = null;
  return {
    async capture(video: boolean): Promise<void> {
      local = await devices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true }, video });
    },
    /** Sends the captured tracks on `connection` (again, after the connection was rebuilt). */
    sendOn(connection: RTCPeerConnection): void {
      if (!local) return;
      for (const track of local.getTracks()) {
        const sender = connection.addTrack(track, local);
        if (track.kind === 'audio') audioSender = sender;
      }
    },
    /** False when there is no microphone track to mute. */
    async setMuted(muted: boolean): Promise<boolean> {
      const track = local?.getAudioTracks()[0];
      if (!track) return false;
      track.enabled = !muted;
      await audioSender?.replaceTrack(muted ? null : track);
      return true;
    },
    release(): void {
      local?.getTracks().forEach((track) => track.stop());
      local = null;
      audioSender = null;
    },
  };
}

export type CallMedia = ReturnType<typeof createCallMedia>;
