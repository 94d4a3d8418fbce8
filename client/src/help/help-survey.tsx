// The requester's survey about the help they got: shown once an agent has taken part in the page's session and no help
// is running; the server decides whether to ask (once per session) and whether NPS is due.
import { useMemo } from 'react';
import type { LiveSession } from '../sessions/live-session.ts';
import { useLiveSession } from '../sessions/session-provider.tsx';
import { useStore } from '../state/use-store.ts';
import { LazySurvey } from '../surveys/lazy-survey.tsx';

export function HelpSurvey() {
  const session = useLiveSession();
  return session ? <SessionHelpSurvey session={session} /> : null;
}

function SessionHelpSurvey({ session }: { session: LiveSession }) {
  const helped = useStore(session.mirror, ({ session: current }) => current !== null && current.help === null && current.members.some((member) => member.role === 'agent'));
  const target = useMemo(() => ({ context: 'help' as const, contextId: session.sessionId }), [session.sessionId]);
  return helped ? <LazySurvey target={target} /> : null;
}
