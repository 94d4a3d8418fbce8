// One customer across channels: the signed-in person's timeline with the guides they can resume, and, for the agent
// helping in a request only, the requester's timeline with the friction marked on its sessions' steps.
import type { User } from '../../core/auth.ts';
import { IN_PROGRESS_MAX, type ActivityQuery, type FrictionMark, type GuideInProgress, type MyActivity, type RequesterTimeline } from '../../core/activity.ts';
import { AppError } from '../../core/errors.ts';
import type { Store } from '../db/database.ts';
import { findRequest } from '../help/help-repository.ts';
import { inProgressRows, productData, progressRows } from './activity-repository.ts';
import { frictionIn } from './friction.ts';
import { productName } from '../catalog/product-name.ts';
import { guideSummaries, timelinePage } from './timeline.ts';

export interface ActivityService {
  mine(user: User, query: ActivityQuery): Promise<MyActivity>;
  requesterTimeline(agent: User, input: { requestId: string; before?: string | undefined; limit: number }): Promise<RequesterTimeline>;
}

export function createActivityService({ db, dialect }: Store): ActivityService {
  async function inProgress(userId: string): Promise<GuideInProgress[]> {
    const rows = await inProgressRows(db, userId, IN_PROGRESS_MAX);
    const [products, guides] = await Promise.all([productData(db, [...new Set(rows.map((row) => row.product_id))]), guideSummaries(db, rows.map((row) => ({ guideId: row.guide_id, version: Number(row.guide_version) })))]);
    return rows.flatMap((row) => {
      const guide = guides.get(`${row.guide_id}@${Number(row.guide_version)}`);
      const index = guide?.steps.findIndex((step) => step.id === row.current_step_id) ?? -1;
      const step = guide?.steps[index];
      if (!guide || !step) return [];
      return [{ sessionId: row.session_id, productId: row.product_id, productName: productName(products.get(row.product_id), row.product_id), guideId: row.guide_id, title: guide.title, stepId: step.id, stepTitle: step.title, stepNumber: index + 1, stepCount: guide.steps.length, updatedAt: Number(row.updated_at) }];
    });
  }

  async function frictionMarks(sessionIds: string[]): Promise<FrictionMark[]> {
    const [hits, runs] = await Promise.all([frictionIn(db, dialect, sessionIds), progressRows(db, sessionIds)]);
    const versionOf = new Map(runs.map((run) => [`${run.session_id}/${run.guide_id}`, Number(run.guide_version)]));
    const guides = await guideSummaries(db, [...new Set(runs.map((run) => `${run.guide_id}@${Number(run.guide_version)}`))].map((key) => ({ guideId: key.split('@')[0]!, version: Number(key.split('@')[1]) })));
    const marks = new Map<string, FrictionMark>();
    for (const hit of hits) {
      const step = guides.get(`${hit.guideId}@${versionOf.get(`${hit.sessionId}/${hit.guideId}`)}`)?.steps.find((candidate) => candidate.id === hit.stepId);
      if (!step) continue;
      const key = `${hit.sessionId}/${hit.guideId}/${hit.stepId}`;
      const mark = marks.get(key) ?? { sessionId: hit.sessionId, guideId: hit.guideId, stepId: hit.stepId, stepTitle: step.title, kinds: [] };
      if (!mark.kinds.includes(hit.kind)) mark.kinds.push(hit.kind);
      marks.set(key, mark);
    }
    return [...marks.values()];
  }

  return {
    async mine(user, { before, limit }) {
      const [page, resumable] = await Promise.all([timelinePage(db, user.id, before, limit), inProgress(user.id)]);
      return { ...page, inProgress: resumable };
    },

    async requesterTimeline(agent, { requestId, before, limit }) {
      if (agent.role !== 'agent') throw new AppError('forbidden', 'Only support agents can read a requester’s timeline.');
      const request = await findRequest(db, requestId);
      if (!request) throw new AppError('not_found', `There is no help request "${requestId}".`);
      if (request.agent_id !== agent.id) throw new AppError('forbidden', 'Only the agent helping in this request can read the requester’s timeline.');
      const page = await timelinePage(db, request.requester_id, before, limit);
      const friction = await frictionMarks(page.items.flatMap((item) => (item.kind === 'session' ? [item.sessionId] : [])));
      return { ...page, friction };
    },
  };
}
