// Studio's folders in the data folder (named by ids, never by uploaded names) and uploads streamed into them.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { importedProductsDir } from '../http/static-files.ts';
import type { UploadedFile } from './import/index.ts';

export interface StudioPaths {
  /** A draft's stored import (the import pipeline's folder). */
  importDir(draftId: string): string;
  /** A split tried on a copy of the import, kept until it is applied or another is tried. */
  previewDir(draftId: string): string;
  thumbnail(draftId: string): string;
  draftDir(draftId: string): string;
  /** A published product's served files. */
  productDir(productId: string): string;
  productsDir: string;
  /** A new folder for one upload's files, removed by the caller. */
  newUploadDir(): Promise<string>;
}

export function studioPaths(dataDir: string): StudioPaths {
  const root = path.join(dataDir, 'studio');
  const draftDir = (id: string) => path.join(root, 'drafts', id);
  const productsDir = importedProductsDir(dataDir);
  return {
    draftDir,
    importDir: (id) => path.join(draftDir(id), 'import'),
    previewDir: (id) => path.join(draftDir(id), 'split-preview'),
    thumbnail: (id) => path.join(draftDir(id), 'thumbnail.png'),
    productDir: (id) => path.join(productsDir, id),
    productsDir,
    async newUploadDir() {
      const dir = path.join(root, 'uploads', randomUUID());
      await mkdir(dir, { recursive: true });
      return dir;
    },
  };
}

export interface ReceivedUpload {
  files: UploadedFile[];
  /** Form fields sent beside the files. */
  fields: Record<string, string>;
}

const MiB = 1024 * 1024;

/**
 * Streams every file of a multipart request to `dir` (as `0`, `1`, …: the person's names are kept only as names) and
 * collects the text fields. Refuses, in words, files beyond `maxFiles` and uploads beyond `maxBytes` together.
 */
export async function receiveUpload(request: FastifyRequest, dir: string, limits: { maxBytes: number; maxFiles: number; setting: string }): Promise<ReceivedUpload> {
  const files: UploadedFile[] = [];
  const fields: Record<string, string> = {};
  const tooLarge = () =>
    new AppError('bad_request', `The upload is larger than the limit of ${Math.round((limits.maxBytes / MiB) * 10) / 10} MB (${limits.setting}). Upload a smaller model, or ask the administrator to raise ${limits.setting}.`, [
      { path: 'files', message: 'too large' },
    ], { reason: 'upload.too-large', params: { megabytes: Math.round((limits.maxBytes / MiB) * 10) / 10 } });
  if (!request.isMultipart()) throw new AppError('bad_request', 'Send the model as multipart/form-data, with one or more files.', [{ path: 'files', message: 'is required' }], { reason: 'upload.no-file' });
  let received = 0;
  try {
    for await (const part of request.parts({ limits: { fileSize: limits.maxBytes, files: limits.maxFiles, fields: 20, fieldSize: 1024 } })) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      const target = path.join(dir, String(files.length));
      let written = 0;
      part.file.on('data', (chunk: Buffer) => {
        written += chunk.length;
        if (received + written > limits.maxBytes) part.file.destroy(tooLarge());
      });
      await pipeline(part.file, createWriteStream(target));
      received += written;
      files.push({ name: part.filename || `file ${files.length + 1}`, path: target });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if (code === 'FST_FILES_LIMIT') throw new AppError('bad_request', `At most ${limits.maxFiles} files can be uploaded at once: put them in one .zip.`, [{ path: 'files', message: 'too many' }], { reason: 'upload.too-many-files', params: { count: limits.maxFiles } });
    if (code === 'FST_MP_PREMATURE_CLOSE' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new AppError('bad_request', 'The upload was cut off or malformed. Try again.', undefined, { reason: 'upload.cut-off' });
    throw error;
  }
  if (files.length === 0) throw new AppError('bad_request', 'No file was uploaded: choose a model file (or several, or a .zip).', [{ path: 'files', message: 'is required' }], { reason: 'upload.no-file' });
  return { files, fields };
}

export async function removeQuietly(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true }).catch(() => undefined);
}
