// Checks a thumbnail upload: a PNG (by its bytes, not its label) of a sensible size, decoded once to be sure.
import sharp from 'sharp';
import { AppError } from '../../core/errors.ts';
import { STUDIO_THUMBNAIL_MAX_BYTES } from '../../core/studio.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_SIDE = 4096;

const notPng = () => new AppError('bad_request', 'The thumbnail must be a PNG image (captured from the 3D view).', [{ path: 'body', message: 'not a PNG' }]);

export async function checkThumbnail(body: unknown): Promise<Buffer> {
  if (!Buffer.isBuffer(body) || body.length < PNG_SIGNATURE.length || !body.subarray(0, 8).equals(PNG_SIGNATURE)) throw notPng();
  if (body.length > STUDIO_THUMBNAIL_MAX_BYTES) throw new AppError('bad_request', `The thumbnail is larger than the limit of ${STUDIO_THUMBNAIL_MAX_BYTES / 1024 / 1024} MB.`);
  const image = sharp(body, { limitInputPixels: MAX_SIDE * MAX_SIDE });
  const { width, height } = await image
    .stats()
    .then(() => image.metadata())
    .catch(() => {
      throw notPng();
    });
  if (!width || !height || width > MAX_SIDE || height > MAX_SIDE) throw new AppError('bad_request', `The thumbnail must be at most ${MAX_SIDE} × ${MAX_SIDE} pixels.`);
  return body;
}
