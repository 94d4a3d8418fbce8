// What a person is told when something failed: the server's stable reason or code in the chosen language, never a
// client literal ("timeout", "network") nor, for a Spanish reader, the server's English sentence.
import i18next from 'i18next';
import type { ErrorBody } from '../../../core/ack.ts';

/** A failure the server (or the client, with a `reason`) described with an error body. */
function bodyOf(error: unknown): ErrorBody | null {
  if (typeof error !== 'object' || error === null) return null;
  const body = 'body' in error ? (error as { body: unknown }).body : error;
  return typeof body === 'object' && body !== null && typeof (body as ErrorBody).code === 'string' && typeof (body as ErrorBody).message === 'string' ? (body as ErrorBody) : null;
}

/**
 * The sentence for `error` (an ApiError, a RealtimeError, an error body, or anything thrown) in the current language:
 * its reason's text when there is one, the server's own sentence for an English reader, else its code's text.
 */
export function errorText(error: unknown): string {
  const body = bodyOf(error);
  if (!body) return i18next.t('common:error.generic');
  if (body.reason) return i18next.t(`common:failure.reason.${body.reason}`, { ...body.params });
  if (i18next.resolvedLanguage === 'en' && body.message) return body.message;
  return i18next.t(`common:failure.code.${body.code}`);
}

/** The body for a failure with no answer from the server (the request could not be sent, or no answer came). */
export function noAnswer(reason: 'network' | 'timeout'): ErrorBody {
  return { code: reason === 'network' ? 'unavailable' : 'internal', message: reason, reason };
}
