// What the headset's "Your usual?" sheet shows: each usual part with its SKU, quantity and price, where it goes and its
// stock, an "Order again" press per part; then the order's number and live status, or what stopped it (to be finished
// on the page when the headset cannot); "Not now" (or "Continue" once ordered) lets the survey follow.
import type { TFunction } from 'i18next';
import type { Language } from '../../../../../core/languages.ts';
import type { UsualItem } from '../../../../../core/order.ts';
import { formatPrice } from '../../../components/format.ts';
import type { PanelBlock } from '../../../three/panel-layout.ts';
import { orderProblemText } from '../../order-problem-text.ts';
import { stockText } from '../../stock-text.ts';
import { addressLine } from '../address-line.ts';
import type { UsualTap } from '../usual-store.ts';

export const USUAL_SHEET = 'usual';
export const USUAL_DONE = 'usual:done';

/** The button id of a part's "Order again", e.g. `usual:order:EM-FLT-01`; `orderAgainSku` reads it back. */
export const orderAgainButton = (sku: string) => `usual:order:${sku}`;

export function orderAgainSku(id: string): string | null {
  return id.startsWith('usual:order:') ? id.slice('usual:order:'.length) : null;
}

export interface UsualBlocksInput {
  items: readonly UsualItem[];
  /** Each part's tap, its order as the orders store has it now (its live status). */
  tapOf: (sku: string) => UsualTap;
  language: Language;
  t: TFunction<'orders'>;
}

/** Why this part cannot be ordered from the headset now, or null. */
function problemText(item: UsualItem, tap: UsualTap, t: TFunction<'orders'>, name: string): string | null {
  const { quantity, address } = item.last;
  const problem = tap.problem;
  if (!address || problem?.kind === 'no-address') return `${t('usual.noAddress')} ${t('usual.hud.onPage')}`;
  const left = problem?.kind === 'shortage' ? (problem.lines[0]?.left ?? 0) : problem ? null : item.stock < quantity ? item.stock : null;
  if (left === 0) return t('errors.outOfStock', { name });
  if (left !== null) return `${t('usual.notEnough', { count: left, quantity })} ${t('usual.hud.onPage')}`;
  return problem ? orderProblemText(problem, t, () => name) : null;
}

function itemBlocks(item: UsualItem, tap: UsualTap, several: boolean, language: Language, t: TFunction<'orders'>): PanelBlock[] {
  const name = item.name[language];
  const { quantity, address } = item.last;
  const price = t('usual.what', { quantity, unit: formatPrice(item.unitPriceCents, language), total: formatPrice(item.unitPriceCents * quantity, language) });
  const blocks: PanelBlock[] = [
    { kind: 'text', segments: [{ text: name, bold: true }] },
    { kind: 'text', size: 'small', segments: [{ text: `${t('partCard.sku')} ${item.sku} · ${price}`, bold: false }] },
    { kind: 'text', size: 'small', segments: [{ text: stockText(item.stock, t), bold: false }] },
  ];
  if (address) blocks.push({ kind: 'note', tone: 'info', text: t('usual.goesTo', { address: addressLine(address, language) }) });
  if (tap.order) {
    blocks.push({ kind: 'value', text: t('usual.ordered', { number: tap.order.number }) }, { kind: 'value', text: t('hud.status', { status: t(`status.${tap.order.status}`) }) });
    return blocks;
  }
  const problem = problemText(item, tap, t, name);
  if (problem) blocks.push({ kind: 'note', tone: 'warn', text: problem });
  const blocked = problem !== null && tap.problem?.kind !== 'network' && tap.problem?.kind !== 'message';
  const label = tap.busy ? t('usual.ordering') : several ? t('usual.orderAgainNamed', { name }) : t('usual.orderAgain');
  blocks.push({ kind: 'buttons', columns: 1, buttons: [{ id: orderAgainButton(item.sku), label, enabled: !tap.busy && !blocked, tone: 'primary' }] });
  return blocks;
}

export function usualBlocks({ items, tapOf, language, t }: UsualBlocksInput): PanelBlock[] {
  const taps = items.map((item) => tapOf(item.sku));
  const ordered = taps.some((tap) => tap.order !== null);
  return [
    { kind: 'title', text: t('usual.title') },
    ...items.flatMap((item, index) => itemBlocks(item, taps[index]!, items.length > 1, language, t)),
    { kind: 'buttons', columns: 1, buttons: [{ id: USUAL_DONE, label: t(ordered ? 'usual.hud.continue' : 'usual.hud.notNow'), enabled: !taps.some((tap) => tap.busy) }] },
  ];
}
