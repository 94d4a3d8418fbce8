// Proactive help: on the step a person is on, whether to offer help before they ask (the rule's three reasons, each
// computed in the database), at most once per session and step and never for a person who turned offers off.
import type { User } from '../../core/auth.ts';
import { AppError } from '../../core/errors.ts';
import { guideNorm } from '../../core/insights.ts';
import { manySlow, PROACTIVE_THRESHOLDS, type ProactiveOffer, type ProactiveOfferRequest, type ProactiveReason } from '../../core/proactive.ts';
import type { Store } from '../db/database.ts';
import { stepTimes } from '../insights/step-figures.ts';
import { offersWanted, recordOffer, saveOffersWanted, sessionRun, wasOffered } from './proactive-repository.ts';
import { assetNeededHelp, struggledBefore, tipForStep, type RuleScope } from './proactive-rule.ts';

export interface ProactiveService {
  /** The offer for this step of the person's session, recorded so it is made once; null when there is none to make. */
  claimOffer(request: ProactiveOfferRequest, user: User): Promise<ProactiveOffer | null>;
  wanted(user: User): Promise<boolean>;
  setWanted(wanted: boolean, user: User): Promise<void>;
}

export function createProactiveService(store: Store, now: () => number): ProactiveService {
  const { db, dialect } = store;

  async function reasonsFor(scope: RuleScope, version: number): Promise<ProactiveReason[]> {
    const times = await stepTimes(db, { guideId: scope.guideId, version });
    const step = times.find((row) => row.stepId === scope.stepId);
    const stepNorm = step && step.visits >= PROACTIVE_THRESHOLDS.minVisits ? step.medianMs : null;
    const [struggled, assetHelp] = await Promise.all([
      struggledBefore(db, dialect, scope, stepNorm === null ? null : PROACTIVE_THRESHOLDS.slowFactor * stepNorm),
      assetNeededHelp(db, dialect, scope),
    ]);
    const slow = step !== undefined && manySlow(step, guideNorm(times.map((row) => row.medianMs)));
    return [...(struggled ? (['you-struggled'] as const) : []), ...(assetHelp ? (['asset-needed-help'] as const) : []), ...(slow ? (['many-slow'] as const) : [])];
  }

  return {
    async claimOffer({ sessionId, stepId }, user) {
      const run = await sessionRun(db, sessionId, user.id);
      if (!run) throw new AppError('not_found', `There is no session "${sessionId}" of yours.`);
      if (run.guideId === null || run.version === null) return null;
      if (!(await offersWanted(db, user.id)) || (await wasOffered(db, sessionId, stepId))) return null;
      const scope: RuleScope = { userId: user.id, sessionId, assetId: run.assetId, guideId: run.guideId, stepId };
      const reasons = await reasonsFor(scope, run.version);
      if (reasons.length === 0) return null;
      const at = now();
      const guideId = run.guideId;
      const recorded = await store.write((trx) => recordOffer(trx, { sessionId, stepId, userId: user.id, guideId, reasons, at }));
      return recorded ? { stepId, reasons, tip: await tipForStep(db, dialect, scope) } : null;
    },
    wanted: (user) => offersWanted(db, user.id),
    setWanted: (wanted, user) => store.write((trx) => saveOffersWanted(trx, user.id, wanted, now())),
  };
}
