// The pure rules behind Insights: the signals an action leaves on its step, the guide's norm and the friction score.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frictionScore, guideNorm } from '../../core/insights.ts';
import type { Guide } from '../../core/guide.ts';
import { startGuide } from '../../core/guide-engine.ts';
import { stepSignals } from '../../server/guides/step-signals.ts';

const guide = JSON.parse(fs.readFileSync('assets/guides/wheel-corner-brake-pads.json', 'utf8')) as Guide;

describe('insights rules', () => {
  it('marks a back-step on the step left and a measurement outside its range on its step, nothing else', () => {
    const onSecond = { ...startGuide(guide), currentStepId: 'loosen-wheel-bolts', history: ['prepare-vehicle', 'loosen-wheel-bolts'] };
    expect(stepSignals(guide, onSecond, { type: 'back' })).toEqual([{ stepId: 'loosen-wheel-bolts', kind: 'back', value: null }]);
    const onPads = { ...onSecond, currentStepId: 'measure-pad-thickness' };
    expect(stepSignals(guide, onPads, { type: 'measure', stepId: 'measure-pad-thickness', value: 2.5 })).toEqual([{ stepId: 'measure-pad-thickness', kind: 'out-of-range', value: 2.5 }]);
    expect(stepSignals(guide, onPads, { type: 'measure', stepId: 'measure-pad-thickness', value: 3 })).toEqual([]);
    expect(stepSignals(guide, onSecond, { type: 'next' })).toEqual([]);
    expect(stepSignals(guide, onSecond, { type: 'confirm', stepId: 'loosen-wheel-bolts' })).toEqual([]);
  });

  it('takes the median of the step medians as the norm, and scores friction by the documented weights', () => {
    expect(guideNorm([30, null, 10, 15])).toBe(15);
    expect(guideNorm([10, 20])).toBe(15);
    expect(guideNorm([null])).toBeNull();
    expect(frictionScore({ medianMs: 30, sessions: 5, abandoned: 0, helpRequests: 1, outOfRange: 0 }, 15)).toBe(44);
    expect(frictionScore({ medianMs: 22.5, sessions: 4, abandoned: 4, helpRequests: 9, outOfRange: 9 }, 15)).toBe(80);
    expect(frictionScore({ medianMs: null, sessions: 0, abandoned: 0, helpRequests: 0, outOfRange: 0 }, null)).toBe(0);
  });
});
