// The help a headset asks about: the live session's, once an agent has helped and the help has ended.
import { useMemo } from 'react';
import type { SurveyTarget } from '../../../../core/survey.ts';
import type { LiveSession } from '../../sessions/live-session.ts';
import { useStore } from '../../state/use-store.ts';

export function useHelpSurveyTarget(session: LiveSession): SurveyTarget | null {
  const helped = useStore(session.mirror, (state) => state.session !== null && state.session.help === null && state.session.members.some((member) => member.role === 'agent'));
  return useMemo(() => (helped ? { context: 'help', contextId: session.sessionId } : null), [helped, session.sessionId]);
}
