// What a call's phase says to the person, shared by the call controls on the page and the headset's help sheet.
import type { TFunction } from 'i18next';
import type { CallPhase } from './call-controller.ts';

export const isInCall = (phase: CallPhase): boolean => phase === 'connecting' || phase === 'connected' || phase === 'reconnecting';

export function callStatusText(phase: CallPhase, peerName: string, t: TFunction<'assist'>): string | null {
  switch (phase) {
    case 'calling':
      return t('call.calling', { name: peerName });
    case 'ringing':
      return t('call.incoming', { name: peerName });
    case 'connecting':
      return t('call.connecting');
    case 'connected':
      return t('call.connected', { name: peerName });
    case 'reconnecting':
      return t('call.reconnecting');
    case 'ended':
      return t('call.ended');
    default:
      return null;
  }
}
