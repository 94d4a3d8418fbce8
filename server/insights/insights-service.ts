// Insights: resolves the guide version (the latest published unless one is named), orders the figures by the version's
// steps, scores and ranks friction, and lists the guides that can be looked at.
import type { User } from '../../core/auth.ts';
import { AppError } from '../../core/errors.ts';
import type { Guide } from '../../core/guide.ts';
import { frictionScore, guideNorm, type InsightsFilter, type InsightsGuide, type InsightsReport, type StepInsight } from '../../core/insights.ts';
import type { ServiceFigures, ServiceFilter, StepSessions } from '../../core/insights-service-figures.ts';
import type { Language } from '../../core/languages.ts';
import type { Store } from '../db/database.ts';
import { findGuide } from '../guides/guide-repository.ts';
import { firstTimeFix } from './first-time-fix.ts';
import { insightsCsv } from './insights-csv.ts';
import { guideVersions, stepRows, surveyFigures } from './insights-repository.ts';
import { agentFigures, orderOrigins, queueFigures } from './service-figures.ts';
import type { StepFilter } from './step-figures.ts';
import { stepSessions } from './step-sessions.ts';

export interface InsightsService {
  report(filter: InsightsFilter): Promise<InsightsReport>;
  csv(filter: InsightsFilter, table: 'steps' | 'friction' | 'surveys', user: User): Promise<string>;
  guides(): Promise<InsightsGuide[]>;
  service(filter: ServiceFilter): Promise<ServiceFigures>;
  stepSessions(filter: InsightsFilter, stepId: string): Promise<StepSessions>;
}

const empty = { sessions: 0, visits: 0, medianMs: null, p90Ms: null, abandoned: 0, outOfRange: 0, helpRequests: 0, backSteps: 0 };

export function createInsightsService(store: Store, now: () => number): InsightsService {
  const { db, dialect } = store;

  async function resolve(filter: InsightsFilter): Promise<{ guide: Guide; scoped: StepFilter }> {
    const stored = await findGuide(db, filter.guideId, { version: filter.version });
    if (!stored) throw new AppError('not_found', filter.version === undefined ? `There is no published guide "${filter.guideId}".` : `Guide "${filter.guideId}" has no version ${filter.version}.`);
    return { guide: stored.guide, scoped: { ...filter, version: stored.version } };
  }

  async function report(filter: InsightsFilter): Promise<InsightsReport> {
    const { guide, scoped } = await resolve(filter);
    const [rows, surveys, fixed] = await Promise.all([stepRows(db, dialect, scoped), surveyFigures(db, scoped), firstTimeFix(db, scoped, now())]);
    const figures = guide.steps.map((step, index) => ({ stepId: step.id, position: index + 1, title: step.title, ...empty, ...rows.get(step.id) }));
    const normMs = guideNorm(figures.map((step) => step.medianMs));
    const steps: StepInsight[] = figures.map((step) => ({ ...step, friction: frictionScore(step, normMs) }));
    const friction = steps
      .filter((step) => step.friction > 0)
      .sort((a, b) => b.friction - a.friction || a.position - b.position)
      .map((step) => step.stepId);
    return { guideId: guide.id, version: scoped.version, productId: guide.productId, title: guide.title, normMs, steps, friction, firstTimeFix: fixed, surveys };
  }

  return {
    report,
    async csv(filter, table, user) {
      const language: Language = user.languages[0] ?? 'en';
      return insightsCsv(await report(filter), table, language);
    },
    async guides() {
      const byId = new Map<string, InsightsGuide>();
      for (const row of await guideVersions(db)) {
        const known = byId.get(row.id);
        if (known) known.versions.push(row.version);
        else byId.set(row.id, { id: row.id, productId: row.productId, title: (JSON.parse(row.data) as Guide).title, versions: [row.version] });
      }
      return [...byId.values()];
    },
    async service(filter) {
      const [agents, queues, orders] = await Promise.all([agentFigures(db, dialect, filter), queueFigures(db, dialect, filter), orderOrigins(db, filter)]);
      return { agents, queues, orders };
    },
    async stepSessions(filter, stepId) {
      const { guide, scoped } = await resolve(filter);
      if (!guide.steps.some((step) => step.id === stepId)) throw new AppError('not_found', `Guide "${guide.id}" version ${scoped.version} has no step "${stepId}".`);
      return { guideId: guide.id, version: scoped.version, stepId, sessions: await stepSessions(db, dialect, scoped, stepId) };
    },
  };
}
