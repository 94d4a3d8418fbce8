// One line of a session transcript in the reader's language.
import type { TFunction } from 'i18next';
import type { SessionLogEntry, SessionMember } from '../../../core/session.ts';

export function describeEntry(t: TFunction<'assist'>, entry: SessionLogEntry, members: readonly SessionMember[]): string {
  const name = members.find((member) => member.userId === entry.actorId)?.name ?? t('log.system');
  switch (entry.type) {
    case 'chat':
      return t('log.chat', { name, text: entry.data.text });
    case 'annotation.added':
      return t('log.annotationAdded', { name, kind: t(`tools.${entry.data.annotation.kind}`), part: entry.data.annotation.partId });
    case 'annotation.removed':
      return t('log.annotationRemoved', { name });
    case 'step.pushed':
      return t('log.stepPushed', { name, step: entry.data.stepId });
    case 'step.changed':
      return t('log.stepChanged', { name, step: entry.data.stepId });
    case 'part.highlighted':
      return entry.data.partId ? t('log.partHighlighted', { name, part: entry.data.partId }) : t('log.highlightCleared', { name });
    case 'part.pinged':
      return t('log.partPinged', { name, part: entry.data.partId });
    case 'member.joined':
      return t('log.joined', { name: entry.data.name });
    case 'member.left':
      return t('log.left', { name: members.find((member) => member.userId === entry.data.userId)?.name ?? '' });
    case 'call.started':
      return t('log.callStarted', { name });
    case 'call.ended':
      return t('log.callEnded');
    case 'cart.proposed':
      return t('log.cartProposed', { name, count: entry.data.items.length });
    case 'order.linked':
      return t('log.orderLinked');
    case 'help.requested':
      return t('log.helpRequested', { name });
    case 'help.accepted':
      return t('log.helpAccepted', { name: entry.data.agentName });
    case 'help.transferred':
      return t('log.helpTransferred', { name });
    case 'help.ended':
      return t('log.helpEnded', { name });
    case 'help.cancelled':
      return t('log.helpCancelled', { name });
    case 'session.ended':
      return t('log.sessionEnded');
    default:
      return '';
  }
}
