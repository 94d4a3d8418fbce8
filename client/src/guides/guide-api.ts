// HTTP calls of the guide feature: a product's guides, and the saved alignment of an installed unit.
import { AlignmentLookupSchema, AlignmentResponseSchema, AssetIdSchema, type AlignmentInput, type AssetAlignment } from '../../../core/asset-alignment.ts';
import { GuideDetailResponseSchema, GuideListResponseSchema, type GuideDetailResponse, type GuideSummary } from '../../../core/guide-version.ts';
import { demoAssetId } from '../../../core/installed-unit.ts';
import { apiGet, apiRequest } from '../api/http.ts';

export async function listGuides(productId: string, signal?: AbortSignal): Promise<GuideSummary[]> {
  const { guides } = await apiGet(`/api/guides?productId=${encodeURIComponent(productId)}`, GuideListResponseSchema, signal);
  return guides;
}

/** A guide's latest published version (offline: as a downloaded product stored it). */
export function fetchPublishedGuide(guideId: string): Promise<GuideDetailResponse> {
  return apiGet(`/api/guides/${encodeURIComponent(guideId)}`, GuideDetailResponseSchema);
}

/** The saved alignment of an asset, or null when it was never aligned. */
export async function fetchAlignment(assetId: string): Promise<AssetAlignment | null> {
  return (await apiGet(`/api/assets/${encodeURIComponent(assetId)}/alignment`, AlignmentLookupSchema)).alignment;
}

export async function saveAlignment(assetId: string, input: AlignmentInput): Promise<AssetAlignment> {
  const response = await apiRequest(`/api/assets/${encodeURIComponent(assetId)}/alignment`, { method: 'PUT', body: input });
  return AlignmentResponseSchema.parse(response).alignment;
}

/** The installed unit a visit is about: `?asset=` from its QR code, or one demo unit per product. */
export function assetIdFor(productId: string, fromUrl: string | null): string {
  return fromUrl && AssetIdSchema.safeParse(fromUrl).success ? fromUrl : demoAssetId(productId);
}
