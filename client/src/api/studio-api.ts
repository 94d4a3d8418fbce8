// Studio's HTTP calls (admin and author): drafts, upload with progress, edits, split, thumbnail, publish, export, import.
import {
  DraftListSchema,
  DraftResponseSchema,
  PublishResponseSchema,
  SplitPreviewSchema,
  type DraftEdit,
  type PublishResponse,
  type SplitPreview,
  type SplitRequest,
  type StudioDraft,
} from '../../../core/studio.ts';
import { apiGet, apiRequest } from './http.ts';
import { apiBytes, apiUpload, type UploadOptions } from './http-files.ts';

const base = '/api/studio';
const draftPath = (id: string) => `${base}/drafts/${encodeURIComponent(id)}`;

export const studioApi = {
  listDrafts: (signal?: AbortSignal) => apiGet(`${base}/drafts`, DraftListSchema, signal).then((body) => body.drafts),
  getDraft: (id: string, signal?: AbortSignal) => apiGet(draftPath(id), DraftResponseSchema, signal).then((body) => body.draft),
  /** Several files of one model (a .gltf with its .bin and textures) go up together. */
  async upload(files: readonly File[], options: UploadOptions = {}): Promise<StudioDraft> {
    const form = new FormData();
    for (const file of files) form.append('files', file, file.name);
    return DraftResponseSchema.parse(await apiUpload(`${base}/drafts`, form, options)).draft;
  },
  async edit(id: string, edit: DraftEdit): Promise<StudioDraft> {
    return DraftResponseSchema.parse(await apiRequest(draftPath(id), { method: 'PUT', body: edit })).draft;
  },
  remove: (id: string) => apiRequest<void>(draftPath(id), { method: 'DELETE' }),
  async previewSplit(id: string, request: SplitRequest): Promise<SplitPreview> {
    return SplitPreviewSchema.parse(await apiRequest(`${draftPath(id)}/split/preview`, { method: 'POST', body: request }));
  },
  async split(id: string, request: SplitRequest): Promise<StudioDraft> {
    return DraftResponseSchema.parse(await apiRequest(`${draftPath(id)}/split`, { method: 'POST', body: request })).draft;
  },
  async setThumbnail(id: string, png: Blob): Promise<StudioDraft> {
    return DraftResponseSchema.parse(await apiUpload(`${draftPath(id)}/thumbnail`, png)).draft;
  },
  async publish(id: string): Promise<PublishResponse> {
    return PublishResponseSchema.parse(await apiRequest(`${draftPath(id)}/publish`, { method: 'POST' }));
  },
  /** A draft's model (or split preview) as bytes: the routes need the bearer token, so three's loader cannot fetch them. */
  modelBytes: (url: string, signal?: AbortSignal) => apiBytes(url, signal),
  exportProduct: (productId: string) => apiBytes(`${base}/products/${encodeURIComponent(productId)}/export`),
  async importProduct(file: File, options: UploadOptions = {}): Promise<PublishResponse> {
    const form = new FormData();
    form.append('files', file, file.name);
    return PublishResponseSchema.parse(await apiUpload(`${base}/products/import`, form, options));
  },
};
