// Plays the other side's voice of a call through one hidden <audio> element, however many panels show the call.
interface RemoteStreamSource {
  getState(): { remoteStream: MediaStream | null };
  subscribe(listener: (state: { remoteStream: MediaStream | null }) => void): () => void;
}

export function playRemoteAudio(controller: RemoteStreamSource): () => void {
  const audio = document.createElement('audio');
  audio.autoplay = true;
  audio.hidden = true;
  document.body.append(audio);
  const show = (stream: MediaStream | null) => {
    if (audio.srcObject !== stream) audio.srcObject = stream;
  };
  show(controller.getState().remoteStream);
  const off = controller.subscribe((state) => show(state.remoteStream));
  return () => {
    off();
    audio.srcObject = null;
    audio.remove();
  };
}
