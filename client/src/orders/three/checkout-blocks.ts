// The headset's one-press checkout as panel blocks: what is ordered and its total, the saved address, Place order;
// then the confirmation naming the order's parts and total, and its status as it changes.
import type { TFunction } from 'i18next';
import type { Language } from '../../../../core/languages.ts';
import type { Order } from '../../../../core/order.ts';
import { formatPrice } from '../../components/format.ts';
import type { PanelBlock } from '../../three/panel-layout.ts';
import { orderProblemText } from '../order-problem-text.ts';
import type { QuickCheckoutState } from '../quick-checkout-store.ts';

export interface CheckoutLineView {
  name: string;
  quantity: number;
  unitPriceCents: number;
}

export interface CheckoutBlocksInput {
  checkout: QuickCheckoutState;
  lines: readonly CheckoutLineView[];
  totalCents: number;
  /** The placed order as the orders store has it now (its live status). */
  order: Order | null;
  online: boolean;
  language: Language;
  t: TFunction<'orders'>;
}

/** Buttons: `checkout:place`, `checkout:back`, and `sheet:close` once placed. */
export function checkoutBlocks({ checkout, lines, totalCents, order, online, language, t }: CheckoutBlocksInput): PanelBlock[] {
  const price = (cents: number) => formatPrice(cents, language);
  if (order) {
    const items = order.items.map((item) => t('hud.line', { quantity: item.quantity, name: item.name[language] })).join(', ');
    return [
      { kind: 'title', text: t('order.thanks', { number: order.number }) },
      { kind: 'text', segments: [{ text: t('hud.placed', { items, total: price(order.totalCents) }), bold: false }] },
      { kind: 'value', text: t('hud.status', { status: t(`status.${order.status}`) }) },
      { kind: 'buttons', columns: 1, buttons: [{ id: 'sheet:close', label: t('hud.close'), enabled: true }] },
    ];
  }
  const { address } = checkout;
  const blocks: PanelBlock[] = [
    { kind: 'title', text: t('checkout.title') },
    ...lines.map((line): PanelBlock => ({ kind: 'text', size: 'small', segments: [{ text: `${t('hud.line', { quantity: line.quantity, name: line.name })} · ${price(line.unitPriceCents * line.quantity)}`, bold: false }] })),
    { kind: 'text', segments: [{ text: `${t('cart.total')}: `, bold: false }, { text: price(totalCents), bold: true }] },
  ];
  if (address.status === 'loading') blocks.push({ kind: 'note', text: t('hud.addressLoading'), tone: 'info' });
  if (address.status === 'error') blocks.push({ kind: 'note', text: t('errors.network'), tone: 'warn' });
  if (address.status === 'ready' && address.data) {
    const where = address.data;
    blocks.push({ kind: 'note', text: `${t('checkout.deliverTo')}: ${where.name}, ${where.street}, ${where.postalCode} ${where.city}`, tone: 'info' });
  }
  if (address.status === 'ready' && !address.data) blocks.push({ kind: 'note', text: t('hud.noAddress'), tone: 'warn' });
  if (checkout.problem) blocks.push({ kind: 'note', text: orderProblemText(checkout.problem, t, (index) => lines[index]?.name, t('checkout.retrySafe')), tone: 'warn' });
  const canPlace = online && !checkout.busy && address.status === 'ready' && address.data !== null && lines.length > 0;
  const label = checkout.busy ? t('checkout.placing') : online ? t('checkout.place', { total: price(totalCents) }) : t('checkout.needsConnection');
  blocks.push({
    kind: 'buttons',
    columns: 1,
    buttons: [
      { id: 'checkout:place', label, enabled: canPlace, tone: 'primary' },
      { id: 'checkout:back', label: t('hud.back'), enabled: !checkout.busy },
    ],
  });
  return blocks;
}
