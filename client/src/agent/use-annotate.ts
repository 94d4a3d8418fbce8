// Sends an annotation the agent placed (once, even if retried) and applies the answer to the session mirror.
import { useCallback } from 'react';
import type { AnnotationDraft } from '../../../core/annotation.ts';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import type { AgentTab } from './agent-console-store.ts';
import type { TwinUi } from './twin-ui-store.ts';
import { errorText } from '../i18n/error-text.ts';

export type AnnotationDraftInput = AnnotationDraft;

const newClientId = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

export function useAnnotate(client: RealtimeClient, tab: AgentTab, ui: TwinUi) {
  return useCallback(
    (draft: AnnotationDraftInput) => {
      ui.setState({ error: null });
      client.request('annotation:add', { sessionId: tab.sessionId, clientId: newClientId(), ...draft }).then(
        ({ entry }) => tab.session.mirror.take(entry),
        (error: unknown) => ui.setState({ error: errorText(error) }),
      );
    },
    [client, tab, ui],
  );
}
