// Turns a statement source into an xAPI 1.0.3 statement: the same source always gives the same statement, its id a
// name-based UUID (version 5) of the source, so a statement sent twice is one statement to the LRS.
import { createHash } from 'node:crypto';
import { isoDuration, XAPI_ACTIVITY_TYPES, XAPI_VERBS, XAPI_VERSION, type XapiStatement, type XapiVerb } from '../../core/xapi.ts';
import type { XapiSource, XapiSourceKind } from './xapi-sources.ts';

/** The UUID namespace of XR Assist's statement ids (itself a random v4, fixed forever). */
const NAMESPACE = '8f2d4c1e-6b7a-4e39-9c05-3d1f7a2b6e40';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** RFC 9562 name-based UUID (SHA-1, version 5). */
export function uuidV5(name: string, namespace = NAMESPACE): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replaceAll('-', ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const VERB_OF: Record<XapiSourceKind, XapiVerb> = { start: 'attempted', done: 'completed', step: 'experienced' };

export function toStatement(source: XapiSource, baseIri: string): XapiStatement {
  const guide = { objectType: 'Activity' as const, id: `${baseIri}/guides/${encodeURIComponent(source.guideId)}`, definition: { type: XAPI_ACTIVITY_TYPES.guide } };
  const verb = VERB_OF[source.kind];
  const object =
    source.kind === 'step' && source.stepId !== null
      ? { objectType: 'Activity' as const, id: `${guide.id}/steps/${encodeURIComponent(source.stepId)}`, definition: { type: XAPI_ACTIVITY_TYPES.step } }
      : guide;
  const duration = source.durationMs === null ? {} : { duration: isoDuration(source.durationMs) };
  const result = source.kind === 'done' ? { completion: true, ...duration } : source.kind === 'step' ? duration : undefined;
  return {
    id: uuidV5(source.source),
    actor: { objectType: 'Agent', account: { homePage: baseIri, name: source.userId } },
    verb: { id: XAPI_VERBS[verb], display: { 'en-US': verb } },
    object,
    ...(result ? { result } : {}),
    context: {
      ...(UUID.test(source.sessionId) ? { registration: source.sessionId.toLowerCase() } : {}),
      platform: 'XR Assist',
      language: source.language,
      ...(object === guide ? {} : { contextActivities: { parent: [guide] } }),
      extensions: { [`${baseIri}/extensions/guide-version`]: source.guideVersion },
    },
    timestamp: new Date(source.at).toISOString(),
    version: XAPI_VERSION,
  };
}
