// Call buttons and status for one session: call, answer or decline, mute, hang up; plays the other side's audio.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/use-store.ts';
import type { CallController } from './call-controller.ts';
import { callStatusText, isInCall } from './call-status.ts';
import './call.css';

export interface CallControlsProps {
  controller: CallController;
  /** The person on the other end, for "calling…" texts. */
  peerName: string;
  /** Whether a call can be started now (someone to call). */
  canCall: boolean;
}

function RemoteVideo({ stream }: { stream: MediaStream }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current) video.current.srcObject = stream;
  }, [stream]);
  return <video ref={video} autoPlay playsInline muted className="call-video" />;
}

export function CallControls({ controller, peerName, canCall }: CallControlsProps) {
  const { t } = useTranslation('assist');
  const state = useStore(controller, (s) => s);
  const { phase, muted, remoteMuted, remoteStream, error } = state;

  const inCall = isInCall(phase);
  const status = callStatusText(phase, peerName, t);

  return (
    <section className="call-controls" aria-label={t('call.title')} data-phase={phase}>
      {status && (
        <p role="status" aria-live="polite" data-testid="call-status">
          {status}
          {inCall && remoteMuted ? ` ${t('call.peerMuted', { name: peerName })}` : ''}
        </p>
      )}
      <div className="call-buttons">
        {(phase === 'idle' || phase === 'ended' || phase === 'failed') && (
          <>
            <button type="button" className="primary" disabled={!canCall} onClick={() => void controller.start(false)}>
              {t('call.start')}
            </button>
            <button type="button" disabled={!canCall} onClick={() => void controller.start(true)}>
              {t('call.startVideo')}
            </button>
          </>
        )}
        {phase === 'ringing' && (
          <>
            <button type="button" className="primary" onClick={() => void controller.accept(false)}>
              {t('call.answer')}
            </button>
            <button type="button" onClick={() => void controller.decline()}>
              {t('call.decline')}
            </button>
          </>
        )}
        {(inCall || phase === 'calling') && (
          <>
            {inCall && (
              <button type="button" aria-pressed={muted} onClick={() => void controller.setMuted(!muted)}>
                {muted ? t('call.unmute') : t('call.mute')}
              </button>
            )}
            <button type="button" className="danger" onClick={() => void controller.hangup()}>
              {phase === 'calling' ? t('call.cancel') : t('call.hangUp')}
            </button>
          </>
        )}
      </div>
      {remoteStream && remoteStream.getVideoTracks().length > 0 && <RemoteVideo stream={remoteStream} />}
      {error && (
        <p role="alert" className="status-error">
          {t('call.failed', { message: error })}
        </p>
      )}
    </section>
  );
}
