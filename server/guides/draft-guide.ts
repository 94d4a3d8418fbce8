// Turns a finished session's steps and annotations into a draft guide: one step per step visited, marks as targets.
import { GUIDE_FORMAT_VERSION, GuideSchema, type Guide, type GuideInput, type StepHint } from '../../core/guide.ts';
import type { LocalizedText } from '../../core/i18n.ts';
import type { Annotation } from '../../core/annotation.ts';
import type { SessionInfo, SessionLogEntry } from '../../core/session.ts';
import { AppError, issuesFromZod } from '../../core/errors.ts';

interface DraftStep {
  id: string;
  annotations: Annotation[];
  highlighted: string[];
}

export interface DraftGuideInput {
  session: SessionInfo;
  entries: readonly SessionLogEntry[];
  partNames: ReadonlyMap<string, LocalizedText>;
}

const humanize = (slug: string) => slug.charAt(0).toUpperCase() + slug.slice(1).replace(/-/g, ' ');
/** Guide text refuses HTML-looking text and unbalanced bold markers. */
const plain = (text: string) => text.replace(/</g, '‹').replace(/\*/g, '');

/** Walks the log: a step push or change opens a step; annotations removed within the step they were made are dropped. */
function collectSteps(entries: readonly SessionLogEntry[]): DraftStep[] {
  const steps = new Map<string, DraftStep>();
  const stepOf = new Map<string, DraftStep>();
  let current: DraftStep | null = null;
  const open = (id: string) => {
    const step = steps.get(id) ?? { id, annotations: [], highlighted: [] };
    steps.set(id, step);
    return step;
  };
  for (const entry of entries) {
    if (entry.type === 'step.pushed' || entry.type === 'step.changed') current = open(entry.data.stepId);
    else if (entry.type === 'annotation.added') {
      current ??= open('start');
      current.annotations.push(entry.data.annotation);
      stepOf.set(entry.data.annotation.id, current);
    } else if (entry.type === 'annotation.removed') {
      const step = stepOf.get(entry.data.annotationId);
      if (step && step === current) step.annotations = step.annotations.filter((annotation) => annotation.id !== entry.data.annotationId);
    } else if (entry.type === 'part.highlighted' && entry.data.partId) {
      current ??= open('start');
      current.highlighted.push(entry.data.partId);
    }
  }
  return [...steps.values()];
}

function hintOf(step: DraftStep, firstPartId: string | undefined): StepHint | undefined {
  const arrow = step.annotations.find((annotation) => annotation.kind === 'arrow' && annotation.partId === firstPartId);
  if (!arrow) return undefined;
  const [x, y, z] = arrow.localNormal.map((component) => -component || 0) as [number, number, number];
  return { kind: 'arrow', direction: [x, y, z] };
}

export function buildDraftGuide({ session, entries, partNames }: DraftGuideInput): Guide {
  const steps = collectSteps(entries).filter((step) => step.annotations.length > 0 || step.highlighted.length > 0 || step.id !== 'start');
  if (steps.length === 0) throw new AppError('conflict', 'This session has no pushed steps or annotations to turn into a guide.');
  const name = (partId: string, language: 'en' | 'es') => partNames.get(partId)?.[language] ?? humanize(partId);
  const last = entries.at(-1)?.at ?? session.createdAt;
  const date = new Date(session.createdAt).toISOString().slice(0, 10);

  const input: GuideInput = {
    formatVersion: GUIDE_FORMAT_VERSION,
    id: `draft-${session.id.slice(0, 8)}`,
    productId: session.productId,
    title: { en: `Draft from assist session ${date}`, es: `Borrador de la sesión de asistencia ${date}` },
    summary: { en: 'Steps and marks an agent used in a live session. Review the wording before publishing.', es: 'Pasos y marcas que usó un agente en una sesión en vivo. Revisa el texto antes de publicar.' },
    estimatedMinutes: Math.max(1, Math.round((last - session.createdAt) / 60_000)),
    languages: ['en', 'es'],
    steps: steps.map((step, index) => {
      const targetPartIds = [...new Set([...step.annotations.map((annotation) => annotation.partId), ...step.highlighted])];
      const notes = step.annotations.flatMap((annotation) => (annotation.text ? [plain(annotation.text)] : []));
      const parts = (language: 'en' | 'es') => targetPartIds.map((partId) => name(partId, language)).join(', ');
      const hint = hintOf(step, targetPartIds[0]);
      return {
        id: step.id,
        title: { en: `Step ${index + 1}: ${humanize(step.id)}`, es: `Paso ${index + 1}: ${humanize(step.id)}` },
        text: {
          en: notes.length > 0 ? notes.join(' · ') : targetPartIds.length > 0 ? `Work on: ${parts('en')}.` : 'Follow the agent’s instructions for this step.',
          es: notes.length > 0 ? notes.join(' · ') : targetPartIds.length > 0 ? `Trabaja en: ${parts('es')}.` : 'Sigue las indicaciones del agente en este paso.',
        },
        targetPartIds,
        ...(hint ? { hint } : {}),
      };
    }),
  };
  const parsed = GuideSchema.safeParse(input);
  if (!parsed.success) throw new AppError('internal', 'The draft guide did not come out valid.', issuesFromZod(parsed.error));
  return parsed.data;
}
