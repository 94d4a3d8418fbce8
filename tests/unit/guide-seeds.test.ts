// The seed guides: each validates against its product's parts, and scripted runs reach the end through every branch.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Guide } from '../../core/guide.ts';
import { applyGuideAction, startGuide, type GuideAction, type GuideProgress } from '../../core/guide-engine.ts';
import { parseGuide } from '../../core/guide-validation.ts';

const PARTS_BY_GUIDE = {
  'wheel-corner-brake-pads': ['wheel', 'wheel-bolts', 'hub', 'brake-disc', 'caliper', 'brake-pads', 'caliper-bolt-upper', 'caliper-bolt-lower'],
  'espresso-machine-descale': ['body', 'water-tank', 'water-filter', 'drip-tray', 'portafilter', 'group-head', 'descaling-valve', 'steam-wand'],
  'water-heater-filter': ['casing', 'filter', 'pressure-gauge', 'inlet-valve', 'outlet-valve', 'relief-valve'],
} as const;
type SeedId = keyof typeof PARTS_BY_GUIDE;

function loadSeed(id: SeedId): Guide {
  const raw: unknown = JSON.parse(readFileSync(new URL(`../../assets/guides/${id}.json`, import.meta.url), 'utf8'));
  const parsed = parseGuide(raw, new Set(PARTS_BY_GUIDE[id]));
  if (!parsed.ok) throw new Error(`${id} is invalid:\n${parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n')}`);
  return parsed.guide;
}

interface Script {
  /** Values entered at each measurement step, one per visit, in order. */
  measurements?: Record<string, number[]>;
  answers?: Record<string, string>;
}

/** Walks a guide like a careful technician: acknowledges every warning, confirms, enters the scripted values, moves on. */
function walk(guide: Guide, script: Script): { progress: GuideProgress; consumed: Record<string, number> } {
  const visits = new Map<string, number>();
  const consumed: Record<string, number> = {};
  let progress = startGuide(guide);
  const apply = (action: GuideAction) => {
    const result = applyGuideAction(guide, progress, action);
    if (!result.ok) throw new Error(`${action.type} at "${String(progress.currentStepId)}" refused: ${result.message}`);
    progress = result.progress;
  };
  for (let turn = 0; progress.currentStepId !== null; turn++) {
    if (turn > 100) throw new Error('the guide did not end within 100 steps');
    const stepId = progress.currentStepId;
    const step = guide.steps.find((candidate) => candidate.id === stepId);
    if (!step) throw new Error(`unknown step ${stepId}`);
    const visit = visits.get(stepId) ?? 0;
    visits.set(stepId, visit + 1);

    step.warnings.forEach((_warning, warningIndex) => apply({ type: 'acknowledge', stepId, warningIndex }));
    if (step.check?.kind === 'confirm') apply({ type: 'confirm', stepId });
    if (step.check?.kind === 'measurement') {
      const value = script.measurements?.[stepId]?.[visit];
      if (value === undefined) throw new Error(`no scripted measurement for "${stepId}" visit ${visit + 1}`);
      apply({ type: 'measure', stepId, value });
    }
    if (step.question) {
      const answerId = script.answers?.[stepId];
      if (answerId === undefined) throw new Error(`no scripted answer for "${stepId}"`);
      apply({ type: 'answer', stepId, answerId });
    }
    apply({ type: 'next' });
    for (const part of step.consumesParts) consumed[part.partId] = (consumed[part.partId] ?? 0) + part.quantity;
  }
  return { progress, consumed };
}

const seeds = Object.keys(PARTS_BY_GUIDE) as SeedId[];

describe('seed guides', () => {
  it.each(seeds)('%s validates against its product parts and reads in both languages', (id) => {
    const guide = loadSeed(id);
    expect(guide.id).toBe(id);
    expect(guide.languages).toEqual(['en', 'es']);
    const checks = guide.steps.map((step) => step.check?.kind);
    expect(checks).toContain('measurement');
    expect(guide.steps.some((step) => step.question)).toBe(true);
    expect(guide.steps.some((step) => step.warnings.length > 0)).toBe(true);
    for (const step of guide.steps) expect(step.text.es).not.toBe(step.text.en);
  });
});

describe('brake pads guide', () => {
  const guide = loadSeed('wheel-corner-brake-pads');

  it('replaces worn pads: thin pads branch to removal, new pads are fitted and torqued', () => {
    const { progress, consumed } = walk(guide, {
      measurements: { 'measure-pad-thickness': [2.1], 'measure-disc-thickness': [23.6] },
      answers: { 'inspect-disc-surface': 'disc-ok', 'which-pads': 'new-pads' },
    });
    expect(progress.history).toEqual([
      'prepare-vehicle',
      'loosen-wheel-bolts',
      'raise-onto-stand',
      'remove-wheel',
      'remove-caliper-bolts',
      'swing-caliper-up',
      'measure-pad-thickness',
      'remove-worn-pads',
      'measure-disc-thickness',
      'inspect-disc-surface',
      'which-pads',
      'retract-piston',
      'fit-new-pads',
      'lower-caliper',
      'torque-caliper-bolts',
      'refit-wheel',
      'torque-wheel-bolts',
      'pump-brake-pedal',
      'bed-in-pads',
    ]);
    expect(progress.currentStepId).toBeNull();
    expect(consumed).toEqual({ 'brake-pads': 1 });
  });

  it('refits pads that are still thick enough', () => {
    const { progress, consumed } = walk(guide, {
      measurements: { 'measure-pad-thickness': [6], 'measure-disc-thickness': [24] },
      answers: { 'inspect-disc-surface': 'disc-ok', 'which-pads': 'same-pads' },
    });
    expect(progress.history).not.toContain('remove-worn-pads');
    expect(progress.history).toContain('refit-existing-pads');
    expect(progress.history.at(-1)).toBe('bed-in-pads');
    expect(consumed).toEqual({});
  });

  it('stops at the disc when it is under its minimum thickness or damaged', () => {
    const thin = walk(guide, { measurements: { 'measure-pad-thickness': [2], 'measure-disc-thickness': [21.4] } });
    expect(thin.progress.history.slice(-2)).toEqual(['measure-disc-thickness', 'replace-disc-or-get-help']);
    const damaged = walk(guide, {
      measurements: { 'measure-pad-thickness': [4], 'measure-disc-thickness': [23] },
      answers: { 'inspect-disc-surface': 'disc-damaged' },
    });
    expect(damaged.progress.history.slice(-2)).toEqual(['inspect-disc-surface', 'replace-disc-or-get-help']);
  });

  it('names the torque values in the tightening steps', () => {
    const textOf = (id: string) => guide.steps.find((step) => step.id === id)?.text;
    expect(textOf('torque-caliper-bolts')?.en).toContain('30 Nm');
    expect(textOf('torque-caliper-bolts')?.es).toContain('30 Nm');
    expect(textOf('torque-wheel-bolts')?.en).toContain('120 Nm');
  });
});

describe('espresso descaling guide', () => {
  const guide = loadSeed('espresso-machine-descale');

  it('descales soft water once and finishes with a new filter', () => {
    const { progress, consumed } = walk(guide, {
      measurements: { 'measure-rinse-ph': [7], 'check-brew-temperature': [91] },
      answers: { 'water-hardness': 'soft-or-medium' },
    });
    expect(progress.history).toEqual([
      'switch-off-and-cool',
      'remove-portafilter',
      'remove-water-filter',
      'empty-drip-tray',
      'fill-descaler',
      'open-descaling-valve',
      'run-descaling',
      'water-hardness',
      'rinse-tank',
      'rinse-cycle',
      'measure-rinse-ph',
      'close-descaling-valve',
      'fit-new-filter',
      'check-brew-temperature',
      'finish-descaling',
    ]);
    expect(consumed).toEqual({ 'water-filter': 1 });
  });

  it('runs a second cycle for hard water and rinses again while the water is acidic', () => {
    const { progress } = walk(guide, {
      measurements: { 'measure-rinse-ph': [5, 6, 7.2], 'check-brew-temperature': [90] },
      answers: { 'water-hardness': 'hard' },
    });
    expect(progress.history).toContain('second-descaling-cycle');
    expect(progress.history.filter((id) => id === 'rinse-again')).toHaveLength(2);
    expect(progress.history.filter((id) => id === 'measure-rinse-ph')).toHaveLength(3);
    expect(progress.history.at(-1)).toBe('finish-descaling');
  });

  it('sends an out-of-range brew temperature to help', () => {
    const { progress } = walk(guide, {
      measurements: { 'measure-rinse-ph': [7], 'check-brew-temperature': [78] },
      answers: { 'water-hardness': 'soft-or-medium' },
    });
    expect(progress.history.slice(-2)).toEqual(['check-brew-temperature', 'temperature-get-help']);
  });
});

describe('water heater filter guide', () => {
  const guide = loadSeed('water-heater-filter');

  it('replaces the filter and restarts at a pressure within 1.0–2.0 bar', () => {
    const { progress, consumed } = walk(guide, {
      measurements: { 'check-pressure': [1.4] },
      answers: { 'inspect-old-filter': 'light-deposit' },
    });
    expect(progress.history).toEqual([
      'switch-off-heater',
      'close-inlet-valve',
      'close-outlet-valve',
      'release-pressure',
      'remove-filter',
      'inspect-old-filter',
      'fit-new-filter',
      'open-valves',
      'check-pressure',
      'check-for-leaks',
      'restart-heater',
    ]);
    expect(consumed).toEqual({ filter: 1 });
  });

  it('cleans a sludged housing, and repressurises a low reading before going on', () => {
    const { progress } = walk(guide, {
      measurements: { 'check-pressure': [0.6, 1.5] },
      answers: { 'inspect-old-filter': 'heavy-sludge', 'pressure-out-of-range': 'too-low' },
    });
    expect(progress.history).toContain('clean-housing');
    expect(progress.history.slice(-6)).toEqual(['check-pressure', 'pressure-out-of-range', 'repressurise', 'check-pressure', 'check-for-leaks', 'restart-heater']);
  });

  it('sends a high reading to help', () => {
    const { progress } = walk(guide, {
      measurements: { 'check-pressure': [2.6] },
      answers: { 'inspect-old-filter': 'light-deposit', 'pressure-out-of-range': 'too-high' },
    });
    expect(progress.history.slice(-3)).toEqual(['check-pressure', 'pressure-out-of-range', 'pressure-get-help']);
    expect(progress.currentStepId).toBeNull();
  });
});
