// Guides as data: the versioned zod schemas for a guide, its steps, hints, checks and questions, and safe step text.
import { z } from 'zod';
import { SlugSchema } from './catalog.ts';
import { Vec3Schema } from './geometry.ts';
import { LanguageSchema } from './i18n.ts';

/** Bumped on any incompatible change of the guide format; a guide with another version is refused when parsed. */
export const GUIDE_FORMAT_VERSION = 1;

const HTML_TAG = /<\s*[a-zA-Z/!?]/;

/**
 * User-facing guide text: plain text where `**bold**` is the only formatting. HTML is never interpreted, and text that
 * looks like a tag is refused so an author is not surprised by markup shown as-is.
 */
export const GuideTextSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(2000)
  .refine((text) => !HTML_TAG.test(text), {
    message: 'must not contain HTML tags such as "<b>": write plain text, with **bold** as the only formatting',
  })
  .refine((text) => text.split('**').length % 2 === 1, {
    message: 'has an unclosed "**": bold text must be wrapped as **like this**',
  })
  .meta({
    id: 'GuideText',
    description:
      'Plain text shown as text, never as HTML. The only formatting is **bold** (closed); an HTML tag (anything like `<b>` or a closing or comment tag) is refused. Trimmed, 1 to 2000 characters.',
  });

export const LocalizedGuideTextSchema = z.strictObject({ en: GuideTextSchema, es: GuideTextSchema });
export type LocalizedGuideText = z.infer<typeof LocalizedGuideTextSchema>;

export interface GuideTextSegment {
  text: string;
  bold: boolean;
}

/** Splits guide text into plain and bold runs for a renderer that never builds HTML from it. */
export function guideTextSegments(text: string): GuideTextSegment[] {
  return text
    .split('**')
    .map((run, index) => ({ text: run, bold: index % 2 === 1 }))
    .filter((segment) => segment.text.length > 0);
}

const nonZero = (vector: readonly [number, number, number]) => vector.some((component) => component !== 0);
const NonZeroVec3Schema = Vec3Schema.refine(nonZero, { message: 'must not be the zero vector' });

export const PartQuantitySchema = z.strictObject({
  partId: SlugSchema,
  quantity: z.number().int().positive().max(99),
});
export type PartQuantity = z.infer<typeof PartQuantitySchema>;

export const HIGHLIGHT_STYLES = ['outline', 'glow', 'pulse'] as const;
export const HighlightStyleSchema = z.enum(HIGHLIGHT_STYLES);
export type HighlightStyle = z.infer<typeof HighlightStyleSchema>;

/** Animated hints, expressed in the local frame of the step's first target part (metres, unit-free directions). */
export const StepHintSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('arrow'), direction: NonZeroVec3Schema }),
  z.strictObject({
    kind: z.literal('rotate'),
    axis: NonZeroVec3Schema,
    /** Number of turns shown; 0.25 is a quarter turn. */
    turns: z.number().positive().max(20),
    /** Direction as seen from the tip of `axis` looking back at the part (a bolt whose axis points at you tightens clockwise). */
    clockwise: z.boolean(),
  }),
  z.strictObject({
    kind: z.literal('translate'),
    direction: NonZeroVec3Schema,
    /** Metres. */
    distance: z.number().positive().max(5),
  }),
]);
export type StepHint = z.infer<typeof StepHintSchema>;

const MediaUrlSchema = z
  .string()
  .max(2048)
  .regex(/^(?:https:\/\/|\/(?!\/))\S+$/, 'must be an https:// URL or a path starting with "/"');

export const StepMediaSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('image'), url: MediaUrlSchema, alt: LocalizedGuideTextSchema }),
]);
export type StepMedia = z.infer<typeof StepMediaSchema>;

export const MEASUREMENT_UNITS = ['mm', 'cm', 'm', 'bar', 'kPa', 'psi', '°C', 'Nm', 'V', 'A', 'Ω', 'pH', '°dH', 'ppm', 'ml', 'L', 's', 'min', '%'] as const;
export const MeasurementUnitSchema = z.enum(MEASUREMENT_UNITS);
export type MeasurementUnit = z.infer<typeof MeasurementUnitSchema>;

/** A reading the person enters; a value outside [min, max] (inclusive) sends the guide to `onOutOfRange`. */
export const MeasurementCheckSchema = z
  .strictObject({
    kind: z.literal('measurement'),
    label: LocalizedGuideTextSchema,
    unit: MeasurementUnitSchema,
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    onOutOfRange: SlugSchema,
  })
  .refine((check) => check.min !== undefined || check.max !== undefined, {
    message: 'needs a min, a max or both: a measurement without a range cannot be checked',
    path: ['min'],
  })
  .refine((check) => check.min === undefined || check.max === undefined || check.min <= check.max, {
    message: 'min must not be greater than max',
    path: ['max'],
  });
export type MeasurementCheck = z.infer<typeof MeasurementCheckSchema>;

export const StepCheckSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('confirm') }),
  MeasurementCheckSchema,
]);
export type StepCheck = z.infer<typeof StepCheckSchema>;

export const StepAnswerSchema = z.strictObject({ id: SlugSchema, label: LocalizedGuideTextSchema, next: SlugSchema });
export type StepAnswer = z.infer<typeof StepAnswerSchema>;

/** A branching question: the chosen answer decides the next step. */
export const StepQuestionSchema = z
  .strictObject({
    prompt: LocalizedGuideTextSchema,
    answers: z.array(StepAnswerSchema).min(1, 'needs at least 1 answer').max(3, 'allows at most 3 answers'),
  })
  .superRefine((question, ctx) => {
    const seen = new Set<string>();
    question.answers.forEach((answer, index) => {
      if (seen.has(answer.id)) ctx.addIssue({ code: 'custom', path: ['answers', index, 'id'], message: `duplicate answer id "${answer.id}"` });
      seen.add(answer.id);
    });
  });
export type StepQuestion = z.infer<typeof StepQuestionSchema>;

/**
 * One step. Where it leads: an out-of-range measurement goes to `check.onOutOfRange`; otherwise a question's answer
 * decides; otherwise `end: true` finishes the guide, `next` names the step, and without either the following step in
 * order comes next (after the last step the guide ends).
 */
export const GuideStepSchema = z
  .strictObject({
    id: SlugSchema,
    title: LocalizedGuideTextSchema,
    text: LocalizedGuideTextSchema,
    targetPartIds: z.array(SlugSchema).default([]),
    highlight: HighlightStyleSchema.default('outline'),
    hint: StepHintSchema.optional(),
    /** Each warning must be acknowledged before the step can be left. */
    warnings: z.array(LocalizedGuideTextSchema).max(5).default([]),
    media: StepMediaSchema.optional(),
    check: StepCheckSchema.optional(),
    question: StepQuestionSchema.optional(),
    next: SlugSchema.optional(),
    end: z.literal(true).optional(),
    consumesParts: z.array(PartQuantitySchema).default([]),
  })
  .superRefine((step, ctx) => {
    if (step.question && step.next !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['next'], message: 'is ignored on a step with a question: each answer names its next step' });
    }
    if (step.question && step.end) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'is ignored on a step with a question: each answer names its next step' });
    }
    if (step.end && step.next !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['next'], message: 'cannot be combined with end: true' });
    }
  });
export type GuideStep = z.infer<typeof GuideStepSchema>;

const uniqueLanguages = (languages: readonly string[]) => new Set(languages).size === languages.length;

/** What a guide list shows before the steps are loaded. */
export const GuideMetaSchema = z.strictObject({
  formatVersion: z.literal(GUIDE_FORMAT_VERSION, {
    error: (issue) =>
      issue.input === undefined
        ? `is required: set "formatVersion": ${GUIDE_FORMAT_VERSION}`
        : `unsupported guide format version ${String(issue.input)}: this build reads version ${GUIDE_FORMAT_VERSION}`,
  }),
  id: SlugSchema,
  productId: SlugSchema,
  title: LocalizedGuideTextSchema,
  summary: LocalizedGuideTextSchema,
  estimatedMinutes: z.number().int().positive().max(24 * 60),
  languages: z.array(LanguageSchema).min(1).refine(uniqueLanguages, { message: 'lists a language twice' }),
  requiredTools: z.array(LocalizedGuideTextSchema).default([]),
  requiredParts: z
    .array(PartQuantitySchema)
    .default([])
    .refine((parts) => new Set(parts.map((part) => part.partId)).size === parts.length, { message: 'lists a part twice' }),
});
export type GuideMeta = z.infer<typeof GuideMetaSchema>;

/** Shape only; `validateGuide` adds what needs the product's parts and the whole step graph. */
export const GuideSchema = GuideMetaSchema.extend({
  steps: z.array(GuideStepSchema).min(1, 'needs at least one step').max(200),
});
export type Guide = z.infer<typeof GuideSchema>;
/** A guide as authored in JSON, where defaulted fields may be left out. */
export type GuideInput = z.input<typeof GuideSchema>;
