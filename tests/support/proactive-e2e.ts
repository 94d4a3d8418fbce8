// The history the proactive-help e2e files start from: an earlier, ended session of the demo technician on the wheel
// corner's brake-pad guide, in which they asked for help on the first step and the agent wrote a tip.
import { randomUUID } from 'node:crypto';
import type { TestServer } from './test-server.ts';

export const PROACTIVE_GUIDE = 'wheel-corner-brake-pads';
export const PROACTIVE_TIP = 'Chock the rear wheels before you loosen anything.';

export async function seedEarlierHelp(server: TestServer): Promise<void> {
  const { db } = server.ctx.store;
  const id = async (email: string) => (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const [tech, agent] = [await id('tech@demo.local'), await id('agent@demo.local')];
  const session = randomUUID();
  const at = Date.UTC(2026, 0, 5);
  await db.insertInto('assist_sessions').values({ id: session, requester_id: tech, product_id: 'wheel-corner', product_line: 'automotive', installed_asset_id: null, guide_id: PROACTIVE_GUIDE, language: 'en', status: 'ended', current_step_id: null, placement: null, highlighted_part_id: null, active_call: null, last_seq: 1, created_at: at, ended_at: at + 60_000 }).execute();
  await db.insertInto('session_members').values({ session_id: session, user_id: agent, role: 'agent', joined_at: at, left_at: at + 60_000 }).execute();
  const context = JSON.stringify({ productId: 'wheel-corner', guideId: PROACTIVE_GUIDE, stepId: 'prepare-vehicle', language: 'en' });
  await db.insertInto('help_requests').values({ id: randomUUID(), session_id: session, requester_id: tech, product_id: 'wheel-corner', product_line: 'automotive', language: 'en', context, history: '[]', status: 'ended', agent_id: agent, target_agent_id: null, transferred_by: null, declined_by: '[]', created_at: at, accepted_at: at, ended_at: at + 60_000 }).execute();
  await db.insertInto('session_log').values({ session_id: session, seq: 1, type: 'chat', actor_id: agent, client_id: null, data: JSON.stringify({ text: PROACTIVE_TIP }), at: at + 1000 }).execute();
}
