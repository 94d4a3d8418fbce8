// The guide events are typed once in core/: wrong payloads do not compile, and the schemas refuse what the types refuse.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { AlignmentSaveSchema } from '../../core/asset-alignment-events.ts';
import { GuideActionRequestSchema, type GuideActionResultPayload, type GuideGetResult, type GuideProgressEvent, type GuideStartResult } from '../../core/guide-events.ts';
import type { AssetAlignment } from '../../core/asset-alignment.ts';
import type { AckResponse } from '../../core/ack.ts';
import type { ClientSocket } from '../support/test-server.ts';

const SESSION = '7d6f7a2e-8a4b-4c1d-9e3f-0a1b2c3d4e5f';

describe('guide event contract', () => {
  it('types the payloads and acks of the guide and alignment events', () => {
    const typeOnly = (socket: ClientSocket) => {
      socket.emit('guide:start', { sessionId: SESSION, guideId: 'wheel-corner-brake-pads' }, (response) => expectTypeOf(response).toEqualTypeOf<AckResponse<GuideStartResult>>());
      socket.emit('guide:action', { sessionId: SESSION, actionId: 'action-0001', action: { type: 'next' } }, (response) =>
        expectTypeOf(response).toEqualTypeOf<AckResponse<GuideActionResultPayload>>(),
      );
      socket.emit('guide:get', { sessionId: SESSION }, (response) => expectTypeOf(response).toEqualTypeOf<AckResponse<GuideGetResult>>());
      socket.emit('alignment:get', { assetId: 'WC-1' }, (response) => expectTypeOf(response).toEqualTypeOf<AckResponse<{ alignment: AssetAlignment | null }>>());
      // @ts-expect-error an action needs the client's action id, so a replay can be recognized
      socket.emit('guide:action', { sessionId: SESSION, action: { type: 'next' } }, () => undefined);
      // @ts-expect-error a measurement is a number
      socket.emit('guide:action', { sessionId: SESSION, actionId: 'action-0002', action: { type: 'measure', stepId: 'measure-pad-thickness', value: '3' } }, () => undefined);
      socket.on('guide:progress', (event) => expectTypeOf(event).toEqualTypeOf<GuideProgressEvent>());
    };
    expect(typeof typeOnly).toBe('function');
  });

  it('the schemas refuse what the types refuse', () => {
    expect(GuideActionRequestSchema.safeParse({ sessionId: SESSION, action: { type: 'next' } }).success).toBe(false);
    expect(GuideActionRequestSchema.safeParse({ sessionId: SESSION, actionId: 'action-0003', action: { type: 'next' }, extra: 1 }).success).toBe(false);
    expect(GuideActionRequestSchema.safeParse({ sessionId: SESSION, actionId: 'action-0003', action: { type: 'next' }, clientAt: 1 }).success).toBe(true);
    const fit = { assetId: 'WC-1', productId: 'wheel-corner', transform: { position: [0, 0, 0], quaternion: [0, 0, 0, 1] }, rmsError: 0.001, landmarkIds: ['a', 'b', 'c'] };
    expect(AlignmentSaveSchema.safeParse(fit).success).toBe(true);
    expect(AlignmentSaveSchema.safeParse({ ...fit, landmarkIds: ['a', 'b'] }).success).toBe(false);
    expect(AlignmentSaveSchema.safeParse({ ...fit, assetId: 'has space' }).success).toBe(false);
  });
});
