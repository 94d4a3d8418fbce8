// What a person is told about the realtime connection: one pure view-model from the client's state and the sign-in,
// read by the 2D banner, the header, the agent console, the cart and (later) the 3D HUD.
import type { ErrorBody } from '../../../core/ack.ts';
import type { ConnectionStatus } from './realtime-client.ts';

export type ConnectionProblemKind = 'signInExpired' | 'outdated' | 'busy' | 'refused' | 'offline' | 'reconnecting';
/** What the person can do: sign in again, reload the page (to update or retry), or wait for the connection to return. */
export type ConnectionAction = 'signIn' | 'reload' | 'wait';

export interface ConnectionProblem {
  kind: ConnectionProblemKind;
  /** The key of its message in the common namespace. */
  messageKey: `connection.${ConnectionProblemKind}`;
  action: ConnectionAction;
  /** True when nothing will get better without the person (a refusal); false while it may come back by itself. */
  blocking: boolean;
}

export interface ConnectionInputs {
  status: ConnectionStatus;
  refusal: ErrorBody | null;
  signedIn: boolean;
  /** The sign-in ended without the person signing out (its token expired or was revoked and could not be renewed). */
  signInExpired: boolean;
}

const problem = (kind: ConnectionProblemKind, action: ConnectionAction): ConnectionProblem => ({
  kind,
  messageKey: `connection.${kind}`,
  action,
  blocking: action !== 'wait',
});

export function connectionProblemOf(input: ConnectionInputs): ConnectionProblem | null {
  if (!input.signedIn) return input.signInExpired ? problem('signInExpired', 'signIn') : null;
  switch (input.status) {
    case 'refused':
      if (input.refusal?.code === 'unauthorized') return problem('signInExpired', 'signIn');
      if (input.refusal?.code === 'protocol_mismatch') return problem('outdated', 'reload');
      if (input.refusal?.code === 'rate_limited') return problem('busy', 'reload');
      return problem('refused', 'reload');
    case 'offline':
      return problem('offline', 'wait');
    case 'reconnecting':
      return problem('reconnecting', 'wait');
    default:
      return null;
  }
}
