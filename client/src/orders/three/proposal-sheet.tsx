// The agent's proposal as a headset sheet: the parts and quantities (changeable), the total, Accept; then the one-press
// checkout with the saved address, the confirmation and the order's live status (`onOrdered` hears of the order placed).
// Same proposal store as the page's panel.
import { useMemo } from 'react';
import type { Order } from '../../../../core/order.ts';
import { useTranslation } from 'react-i18next';
import { formatPrice } from '../../components/format.ts';
import { useLanguage } from '../../components/use-language.ts';
import type { LiveSession } from '../../sessions/live-session.ts';
import { useStore } from '../../state/use-store.ts';
import type { PanelBlock } from '../../three/panel-layout.ts';
import { HudSheet } from '../../xr/hud/hud-panel.tsx';
import { proposalLines, proposalOf } from '../proposal-store.ts';
import { useShopStores } from '../shop-stores.ts';
import { checkoutBlocks } from './checkout-blocks.ts';
import { useQuickCheckout } from './use-quick-checkout.ts';

export interface ProposalSheetProps {
  session: LiveSession;
  onClose: () => void;
  onOrdered?: ((order: Order) => void) | undefined;
}

export function ProposalSheet({ session, onClose, onOrdered }: ProposalSheetProps) {
  const { t } = useTranslation('orders');
  const language = useLanguage();
  const store = proposalOf(session);
  const state = useStore(store, (current) => current);
  const { orders, cart } = useShopStores();
  const online = useStore(cart, (current) => current.online);
  const { proposal, parts, mode, quantities } = state;
  const orderId = state.placed?.id ?? proposal?.orderId ?? null;
  const order = useStore(orders, (current) => (orderId ? (current.orders.find((candidate) => candidate.id === orderId) ?? null) : null)) ?? state.placed;
  const checkout = useQuickCheckout(`session:${session.sessionId}:${proposal?.seq ?? 0}`, { sessionId: session.sessionId });
  const checkoutState = useStore(checkout, (current) => current);
  const { lines, totalCents } = proposalLines(state);

  const blocks = useMemo((): PanelBlock[] => {
    if (!proposal) return [];
    const price = (cents: number) => formatPrice(cents, language);
    if (order || mode === 'checkout') {
      const shown = lines.map(({ part, quantity }) => ({ name: part.name[language], quantity, unitPriceCents: part.priceCents }));
      return checkoutBlocks({ checkout: checkoutState, lines: shown, totalCents, order, online, language, t });
    }
    const blocks: PanelBlock[] = [{ kind: 'title', text: t('proposal.title') }];
    if (proposal.note) blocks.push({ kind: 'text', size: 'small', segments: [{ text: `“${proposal.note}”`, bold: false }] });
    if (parts.status === 'loading') blocks.push({ kind: 'note', text: t('loading', { ns: 'common' }), tone: 'info' });
    if (parts.status === 'error') blocks.push({ kind: 'note', text: t('errors.network'), tone: 'warn' });
    if (parts.status === 'ready') {
      parts.data.forEach((part, index) => {
        const quantity = quantities[index] ?? 0;
        blocks.push({ kind: 'text', segments: [{ text: part.name[language], bold: true }, { text: ` · ${t('proposal.quantity', { count: quantity })} · ${price(part.priceCents)}`, bold: false }] });
        if (mode === 'change') {
          blocks.push({ kind: 'buttons', columns: 2, height: 72, buttons: [
            { id: `qty:less:${index}`, label: t('hud.less'), enabled: quantity > 0 },
            { id: `qty:more:${index}`, label: t('hud.more'), enabled: quantity < part.stock },
          ] });
        }
      });
      blocks.push({ kind: 'text', segments: [{ text: `${t('cart.total')}: `, bold: false }, { text: price(totalCents), bold: true }] });
    }
    blocks.push({ kind: 'buttons', columns: 3, buttons: [
      { id: 'proposal:accept', label: t('proposal.accept'), enabled: lines.length > 0, tone: 'primary' },
      { id: 'proposal:change', label: mode === 'change' ? t('proposal.doneChanging') : t('proposal.change'), enabled: parts.status === 'ready' },
      { id: 'sheet:close', label: t('hud.close'), enabled: true },
    ] });
    return blocks;
  }, [proposal, parts, mode, quantities, lines, totalCents, order, checkoutState, online, language, t]);

  if (!proposal) return null;
  const press = (id: string) => {
    if (id === 'proposal:accept') store.setMode('checkout');
    else if (id === 'proposal:change') store.setMode(mode === 'change' ? 'review' : 'change');
    else if (id.startsWith('qty:')) {
      const [, direction, index] = id.split(':');
      const at = Number(index);
      store.setQuantity(at, (quantities[at] ?? 0) + (direction === 'more' ? 1 : -1));
    } else if (id === 'checkout:place') {
      void checkout.place(lines.map(({ part, quantity }) => ({ sku: part.sku, quantity, unitPriceCents: part.priceCents })), totalCents).then((placed) => {
        if (!placed) return;
        store.placed(placed);
        onOrdered?.(placed);
      });
    } else if (id === 'checkout:back') store.setMode('review');
    else if (id === 'sheet:close') onClose();
  };
  return <HudSheet id="proposal" blocks={blocks} onPress={press} />;
}
