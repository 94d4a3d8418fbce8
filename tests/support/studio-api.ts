// HTTP helpers for the Studio tests: a signed-in author, multipart uploads, a PNG thumbnail, a complete draft edit, a
// published guide.
import sharp from 'sharp';
import { expect } from 'vitest';
import type { GuideDraft } from '../../core/guide-editing.ts';
import type { GuideInput } from '../../core/guide.ts';
import type { DraftEdit, PublishResponse, StudioDraft, StudioTreeNode } from '../../core/studio.ts';
import { glbBytes, namedPartsDocument } from '../fixtures/studio/model-fixtures.ts';
import { login } from './test-server.ts';

export interface StudioResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface ErrorBody {
  error: { code: string; message: string; issues?: Array<{ path: string; message: string }> };
}

export interface StudioClient {
  token: string;
  request<T = unknown>(method: string, path: string, body?: unknown): Promise<StudioResponse<T>>;
  upload<T = { draft: StudioDraft }>(path: string, files: Record<string, Uint8Array | string>, fields?: Record<string, string>): Promise<StudioResponse<T>>;
  bytes(path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }>;
}

async function answer<T>(response: Response): Promise<StudioResponse<T>> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function studioClient(server: { url: string }, email = 'author@demo.local'): Promise<StudioClient> {
  const { token } = await login(server, email);
  const auth = { authorization: `Bearer ${token}` };
  return {
    token,
    async request(method, path, body) {
      const isPng = Buffer.isBuffer(body);
      const headers = { ...auth, ...(body === undefined ? {} : { 'content-type': isPng ? 'image/png' : 'application/json' }) };
      const payload = body === undefined ? undefined : isPng ? new Uint8Array(body) : JSON.stringify(body);
      return answer(await fetch(`${server.url}${path}`, { method, headers, ...(payload === undefined ? {} : { body: payload }) }));
    },
    async upload(path, files, fields = {}) {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      for (const [name, data] of Object.entries(files)) form.append('files', new Blob([typeof data === 'string' ? data : new Uint8Array(data)]), name);
      return answer(await fetch(`${server.url}${path}`, { method: 'POST', headers: auth, body: form }));
    },
    async bytes(path) {
      const response = await fetch(`${server.url}${path}`, { headers: auth });
      return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
    },
  };
}

/** A PNG as a 3D view's capture would be. */
export async function thumbnailPng(size = 64): Promise<Buffer> {
  return sharp({ create: { width: size, height: size, channels: 4, background: { r: 200, g: 120, b: 40, alpha: 1 } } }).png().toBuffer();
}

export function flattenTree(node: StudioTreeNode): StudioTreeNode[] {
  return [node, ...node.children.flatMap(flattenTree)];
}

export function nodeNamed(tree: StudioTreeNode, name: string): StudioTreeNode {
  const found = flattenTree(tree).find((node) => node.name === name);
  if (!found) throw new Error(`no node "${name}" in ${flattenTree(tree).map((node) => node.name).join(', ')}`);
  return found;
}

const named = (en: string) => ({ en, es: `${en} (es)` });

/** A complete edit of the fixtures' grinder as product `id` (SKU `sku`): its body sold, hopper and lid shown, 4 landmarks. */
export function grinderEdit(tree: StudioTreeNode, id: string, sku: string): DraftEdit {
  const [body, hopper, lid] = ['Body', 'Hopper', 'Lid'].map((name) => nodeNamed(tree, name));
  return {
    details: { id, sku, name: named('Moving grinder'), description: named('Moves.'), productLine: 'coffee', priceCents: 9900 },
    placement: 'wall',
    orientation: { xTurns: 0, zTurns: 0, yawDegrees: 90 },
    parts: [
      { nodeId: body!.id, partId: 'body', name: named('Body'), sku: `${sku}-BODY`, priceCents: 2500, stock: 7 },
      { nodeId: hopper!.id, partId: 'hopper', name: named('Hopper') },
      { nodeId: lid!.id, partId: 'lid', name: named('Lid') },
    ],
    landmarks: [
      { id: 'a', name: named('A'), partId: 'body', position: [-0.1, 0, -0.1] },
      { id: 'b', name: named('B'), partId: 'body', position: [0.1, 0, -0.1] },
      { id: 'c', name: named('C'), partId: 'hopper', position: [0, 0.4, 0.08] },
      { id: 'd', name: named('D'), partId: 'lid', position: [0.085, 0.42, 0] },
    ],
  };
}

/** Uploads the fixtures' grinder, completes it with {@link grinderEdit} and a thumbnail, and publishes it. */
export async function publishGrinder(author: StudioClient, id: string, sku: string): Promise<StudioResponse<PublishResponse>> {
  const { body } = await author.upload<{ draft: StudioDraft }>('/api/studio/drafts', { 'grinder.glb': await glbBytes(await namedPartsDocument(64)) });
  await author.request('PUT', `/api/studio/drafts/${body.draft.id}`, grinderEdit(body.draft.tree, id, sku));
  await author.request('POST', `/api/studio/drafts/${body.draft.id}/thumbnail`, await thumbnailPng());
  return author.request<PublishResponse>('POST', `/api/studio/drafts/${body.draft.id}/publish`);
}

/** A two-step guide for the grinder {@link publishGrinder} publishes as `moving-grinder`; its first step targets `partId`. */
export function grinderLidGuide(partId: string): GuideInput {
  return {
    formatVersion: 1,
    id: 'moving-grinder-lid',
    productId: 'moving-grinder',
    title: named('Clean the lid'),
    summary: named('Lift the lid, wipe it, put it back.'),
    estimatedMinutes: 3,
    languages: ['en', 'es'],
    steps: [
      { id: 'lift', title: named('Lift the lid'), text: named('Lift the **lid** off the hopper.'), targetPartIds: [partId], check: { kind: 'confirm' } },
      { id: 'wipe', title: named('Wipe it'), text: named('Wipe the hopper and put the lid back.'), targetPartIds: ['hopper'], end: true },
    ],
  };
}

type GuideWork = GuideDraft['guide'];

/** Creates a guide's draft in Studio and saves into it what `write` makes of the new draft's guide; the saved draft. */
export async function saveNewGuide(author: StudioClient, productId: string, id: string, write: (blank: GuideWork) => GuideWork): Promise<GuideDraft> {
  const created = await author.request<{ draft: GuideDraft }>('POST', '/api/studio/guides', { productId, id });
  expect(created.status).toBe(201);
  const saved = await author.request<{ draft: GuideDraft }>('PUT', `/api/studio/guides/${id}/draft`, { revision: created.body.draft.revision, guide: write(created.body.draft.guide) });
  expect(saved.status).toBe(200);
  return saved.body.draft;
}

/** Creates the guide's draft in Studio, saves `guide` into it without issues, and publishes it. */
export async function publishGuide(author: StudioClient, guide: GuideInput): Promise<void> {
  const draft = await saveNewGuide(author, guide.productId, guide.id, () => guide);
  expect(draft.issues).toEqual([]);
  expect((await author.request('POST', `/api/studio/guides/${guide.id}/publish`, { revision: draft.revision })).status).toBe(200);
}
