// The guide editor's contract (Studio, admins and authors): drafts saved with a revision so two authors never overwrite
// each other, publishing as a new version, the list of versions and the difference between two of them.
import { z } from 'zod';
import { SlugSchema } from './catalog.ts';
import { ErrorIssueSchema } from './errors.ts';
import { GuideStatusSchema } from './guide-version.ts';
import { LocalizedGuideTextSchema } from './guide.ts';

/** The editor's guide as it is being written: any JSON object (it may not be valid yet; `issues` say what is wrong). */
export const GuideWorkSchema = z.record(z.string(), z.unknown()).meta({ title: 'GuideWork', description: 'A guide being written, in the shape `getGuide` answers (format version 1, core/guide.ts; every text a `GuideText`). It is stored as it is, with every issue the validator finds listed in the answer; publishing is refused while there are any.' });

export const GuideDraftSchema = z.object({
  guideId: SlugSchema,
  productId: SlugSchema,
  guide: GuideWorkSchema,
  /** Bumped by every save; a save names the revision it was made on. */
  revision: z.number().int().nonnegative(),
  updatedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  updatedAt: z.number(),
  /** The published version this draft started from, null for a new guide. */
  basedOnVersion: z.number().int().positive().nullable(),
  /** Every problem the validator finds, by path (e.g. `steps.2.check.min`); publishing is refused while there are any. */
  issues: z.array(ErrorIssueSchema),
});
export type GuideDraft = z.infer<typeof GuideDraftSchema>;
export const GuideDraftResponseSchema = z.object({ draft: GuideDraftSchema });

export const NewGuideSchema = z.object({ productId: SlugSchema, id: SlugSchema });
export const GuideDraftSaveSchema = z.object({ revision: z.number().int().nonnegative(), guide: GuideWorkSchema });
export const GuidePublishSchema = z.object({ revision: z.number().int().nonnegative() });
export const GuidePublishedSchema = z.object({ version: z.number().int().positive(), draft: GuideDraftSchema });

export const StudioGuideListQuerySchema = z.object({ productId: SlugSchema });
export const StudioGuideListSchema = z.object({
  guides: z.array(
    z.object({
      id: SlugSchema,
      title: LocalizedGuideTextSchema.nullable(),
      latestVersion: z.number().int().positive().nullable(),
      /** A version saved as a draft outside the editor (a live session's "Save as guide"), newer than the published one. */
      savedDraft: z.object({ version: z.number().int().positive(), createdAt: z.number() }).nullable(),
      draft: z.object({ revision: z.number().int().nonnegative(), updatedAt: z.number(), issueCount: z.number().int().nonnegative() }).nullable(),
    }),
  ),
});

export const GuideVersionListSchema = z.object({
  versions: z.array(z.object({ version: z.number().int().positive(), status: GuideStatusSchema, createdAt: z.number(), createdBy: z.string().nullable(), stepCount: z.number().int().nonnegative() })),
});

export const GuideDiffQuerySchema = z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() });
const StepRefSchema = z.object({ id: z.string(), title: LocalizedGuideTextSchema });
export const GuideDiffSchema = z.object({
  from: z.number().int().positive(),
  to: z.number().int().positive(),
  fields: z.array(z.string()),
  added: z.array(StepRefSchema),
  removed: z.array(StepRefSchema),
  changed: z.array(StepRefSchema.extend({ fields: z.array(z.string()) })),
});
