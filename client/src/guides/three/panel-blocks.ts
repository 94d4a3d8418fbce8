// What the 3D step panel shows for a step: the same content as the DOM runner, as blocks and buttons for a canvas.
import type { TFunction } from 'i18next';
import { guideTextSegments } from '../../../../core/guide.ts';
import type { Language } from '../../../../core/languages.ts';
import type { NextPlan, GuideView } from '../guide-view-model.ts';
import { rangeText } from '../measurement-range.ts';
import type { PanelBlock, PanelButton, PanelImage } from '../../three/panel-layout.ts';

export const KEYPAD = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '.', 'erase'] as const;

export interface PanelInput {
  view: GuideView;
  plan: NextPlan | null;
  draftText: string;
  blockedText: string | null;
  language: Language;
  t: TFunction<'guide'>;
  /** The current step's image once loaded (its alt text shows until then). */
  image?: PanelImage | null;
  /** Whether the step's parts went into the cart from the panel (null: the panel offers no cart). */
  parts?: PartsAdding | null;
}

/** Putting a step's parts into the cart from the 3D panel. */
export type PartsAdding = 'idle' | 'busy' | 'added' | 'queued' | 'failed';

export function panelBlocks({ view, plan, draftText, blockedText, language, t, image = null, parts = null }: PanelInput): PanelBlock[] {
  const format = (value: number) => new Intl.NumberFormat(language, { maximumFractionDigits: 3 }).format(value);
  if (view.finished) {
    return [
      { kind: 'title', text: t('runner.finished') },
      { kind: 'text', segments: [{ text: t('runner.finishedText'), bold: false }] },
      { kind: 'buttons', columns: 1, buttons: [{ id: 'back', label: `◀ ${t('runner.back')}`, enabled: view.canGoBack }] },
    ];
  }
  const { step, index, count } = view.current;
  const blocks: PanelBlock[] = [
    { kind: 'progress', text: t('runner.stepOf', { n: index + 1, m: count }), fraction: (index + 1) / count },
    { kind: 'title', text: step.title[language] },
    ...(step.media ? [{ kind: 'image', image, alt: step.media.alt[language] } as const] : []),
    { kind: 'text', segments: guideTextSegments(step.text[language]) },
  ];
  step.warnings.forEach((warning, warningIndex) => {
    const done = view.current.acknowledged[warningIndex] ?? false;
    blocks.push({
      kind: 'warning',
      segments: [{ text: '⚠ ', bold: true }, ...guideTextSegments(warning[language])],
      button: { id: `ack:${warningIndex}`, label: done ? `✓ ${t('panel.understood')}` : t('runner.acknowledge'), enabled: !done, tone: done ? 'done' : 'normal' },
    });
  });
  if (step.check?.kind === 'measurement') {
    const check = step.check;
    blocks.push({ kind: 'text', segments: [...guideTextSegments(check.label[language]), { text: ` (${check.unit})`, bold: false }] });
    blocks.push({ kind: 'value', text: draftText === '' ? t('panel.typeValue') : `${draftText} ${check.unit}` });
    blocks.push({
      kind: 'buttons',
      columns: 6,
      height: 84,
      buttons: KEYPAD.map((key): PanelButton => ({ id: `key:${key}`, label: key === 'erase' ? '⌫' : key, enabled: true })),
    });
    blocks.push({ kind: 'note', tone: plan?.ok && plan.outOfRange ? 'warn' : 'info', text: plan?.ok && plan.outOfRange ? t('runner.outOfRange', { value: draftText, unit: check.unit }) : t('runner.measurementHelp', { range: rangeText(t, check, format) }) });
  }
  if (step.question) {
    blocks.push({ kind: 'text', segments: guideTextSegments(step.question.prompt[language]) });
    blocks.push({
      kind: 'buttons',
      columns: 1,
      buttons: step.question.answers.map((answer) => {
        const chosen = view.current.answerId === answer.id;
        return { id: `answer:${answer.id}`, label: `${chosen ? '● ' : '○ '}${answer.label[language].replaceAll('**', '')}`, enabled: true, tone: chosen ? 'done' : 'normal' };
      }),
    });
  }
  const partCount = step.consumesParts.reduce((sum, part) => sum + part.quantity, 0);
  if (parts && partCount > 0) {
    const added = parts === 'added' || parts === 'queued';
    blocks.push({ kind: 'buttons', columns: 1, buttons: [{ id: 'parts:add', label: added ? `✓ ${t('panel.partsAdded', { count: partCount })}` : t('panel.addParts', { count: partCount }), enabled: parts === 'idle' || parts === 'failed', tone: added ? 'done' : 'normal' }] });
    if (parts === 'queued' || parts === 'failed') blocks.push({ kind: 'note', tone: parts === 'failed' ? 'warn' : 'info', text: t(parts === 'failed' ? 'panel.partsFailed' : 'panel.partsQueued') });
  }
  if (blockedText) blocks.push({ kind: 'note', tone: 'warn', text: blockedText });
  const nextLabel = plan?.ok && plan.finishes ? t('runner.finish') : step.check?.kind === 'confirm' && !view.current.confirmed ? t('runner.doneNext') : t('runner.next');
  blocks.push({
    kind: 'buttons',
    columns: 3,
    height: 110,
    buttons: [
      { id: 'back', label: `◀ ${t('runner.back')}`, enabled: view.current.canGoBack },
      { id: 'repeat', label: t('runner.repeat'), enabled: true },
      { id: 'next', label: `${nextLabel} ▶`, enabled: plan?.ok ?? false, tone: 'primary' },
    ],
  });
  return blocks;
}
