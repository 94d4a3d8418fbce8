// Applies one persisted session log entry to a session's replayable state (the same rules the server's state follows).
import type { SessionLogEntry, SessionMember, SessionState } from '../../../core/session.ts';

function upsertMember(members: SessionMember[], next: SessionMember): SessionMember[] {
  const others = members.filter((member) => member.userId !== next.userId);
  return [...others, next];
}

export function applyEntry(state: SessionState, entry: SessionLogEntry): SessionState {
  const next: SessionState = { ...state, lastSeq: Math.max(state.lastSeq, entry.seq) };
  switch (entry.type) {
    case 'annotation.added':
      return { ...next, annotations: [...state.annotations.filter((a) => a.id !== entry.data.annotation.id), entry.data.annotation] };
    case 'annotation.removed':
      return { ...next, annotations: state.annotations.filter((a) => a.id !== entry.data.annotationId) };
    case 'step.pushed':
    case 'step.changed':
      return { ...next, currentStepId: entry.data.stepId };
    case 'part.highlighted':
      return { ...next, highlightedPartId: entry.data.partId };
    case 'member.joined':
      return { ...next, members: upsertMember(state.members, { ...entry.data, joinedAt: entry.at, leftAt: null }) };
    case 'member.left':
      return { ...next, members: state.members.map((member) => (member.userId === entry.data.userId ? { ...member, leftAt: entry.at } : member)) };
    case 'call.started':
      return { ...next, call: { callId: entry.data.callId, startedBy: entry.actorId ?? '', startedAt: entry.at } };
    case 'call.ended':
      return { ...next, call: state.call?.callId === entry.data.callId ? null : state.call };
    case 'help.requested':
      return { ...next, help: { requestId: entry.data.requestId, status: 'waiting', agentId: null, createdAt: entry.at } };
    case 'help.accepted':
      return { ...next, help: { requestId: entry.data.requestId, status: 'active', agentId: entry.data.agentId, createdAt: state.help?.createdAt ?? entry.at } };
    case 'help.transferred':
      return { ...next, help: state.help ? { ...state.help, status: 'waiting', agentId: null } : null };
    case 'help.ended':
    case 'help.cancelled':
      return { ...next, help: state.help?.requestId === entry.data.requestId ? null : state.help };
    case 'session.ended':
      return { ...next, session: { ...state.session, status: 'ended', endedAt: entry.at }, help: null, call: null };
    default:
      return next;
  }
}

/** The agent helping now (a member with the agent role who has not left), if any. */
export function activeAgent(state: SessionState): SessionMember | null {
  const agentId = state.help?.status === 'active' ? state.help.agentId : null;
  return state.members.find((member) => member.role === 'agent' && member.leftAt === null && (agentId === null || member.userId === agentId)) ?? null;
}

export function memberName(state: SessionState, userId: string | null): string {
  return state.members.find((member) => member.userId === userId)?.name ?? '';
}
