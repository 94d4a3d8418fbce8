// The guide editor's HTTP calls (Studio, admins and authors): a product's guides, drafts saved on their revision,
// publishing, versions and the difference between two.
import {
  GuideDiffSchema,
  GuideDraftResponseSchema,
  GuidePublishedSchema,
  GuideVersionListSchema,
  StudioGuideListSchema,
  type GuideDraft,
} from '../../../core/guide-editing.ts';
import { apiGet, apiRequest } from './http.ts';

const base = '/api/studio/guides';
const guidePath = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const guideEditorApi = {
  list: (productId: string, signal?: AbortSignal) => apiGet(`${base}?productId=${encodeURIComponent(productId)}`, StudioGuideListSchema, signal).then((body) => body.guides),
  async create(productId: string, id: string): Promise<GuideDraft> {
    return GuideDraftResponseSchema.parse(await apiRequest(base, { method: 'POST', body: { productId, id } })).draft;
  },
  async open(id: string, signal?: AbortSignal): Promise<GuideDraft> {
    return GuideDraftResponseSchema.parse(await apiRequest(`${guidePath(id)}/draft`, { method: 'POST', ...(signal ? { signal } : {}) })).draft;
  },
  /** The draft as it is now, without opening one (the preview). */
  read: (id: string, signal?: AbortSignal) => apiGet(`${guidePath(id)}/draft`, GuideDraftResponseSchema, signal).then((body) => body.draft),
  async save(id: string, revision: number, guide: Record<string, unknown>): Promise<GuideDraft> {
    return GuideDraftResponseSchema.parse(await apiRequest(`${guidePath(id)}/draft`, { method: 'PUT', body: { revision, guide } })).draft;
  },
  async publish(id: string, revision: number) {
    return GuidePublishedSchema.parse(await apiRequest(`${guidePath(id)}/publish`, { method: 'POST', body: { revision } }));
  },
  versions: (id: string, signal?: AbortSignal) => apiGet(`${guidePath(id)}/versions`, GuideVersionListSchema, signal).then((body) => body.versions),
  diff: (id: string, from: number, to: number, signal?: AbortSignal) => apiGet(`${guidePath(id)}/diff?from=${from}&to=${to}`, GuideDiffSchema, signal),
};
