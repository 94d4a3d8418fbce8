// Publishes the requester's help record to the test hook; the panel, the pose stream and the placement each patch a part.
import { publishTestState } from '../test-hook.ts';
import type { AssistTestState } from './assist-test-state.ts';

type HelpTestState = NonNullable<AssistTestState['help']>;
let latest: HelpTestState | null = null;

export function patchHelpTestState(sessionId: string, patch: Partial<HelpTestState>): void {
  const base: HelpTestState = latest?.sessionId === sessionId
    ? latest
    : { sessionId, phase: 'idle', position: null, estimatedWaitSeconds: null, noAgentOnline: false, agentName: null, pushedStepId: null, poseFramesSent: 0, lastHead: null, placementsSent: 0 };
  latest = { ...base, ...patch };
  publishTestState('assist', { help: latest });
}
