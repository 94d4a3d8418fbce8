// The part card as a headset sheet: name, SKU, price, stock, a quantity and Add to cart; then the cart ordered with one
// press to the saved address, its confirmation and live status (`onOrdered` hears of the order placed). The same
// part-card store as the card on the page.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../../core/catalog.ts';
import type { Order } from '../../../../core/order.ts';
import { MAX_LINE_QUANTITY } from '../../../../core/order-limits.ts';
import { formatPrice } from '../../components/format.ts';
import { useLanguage } from '../../components/use-language.ts';
import { useExposed } from '../../observe/use-exposed.ts';
import { useStore } from '../../state/use-store.ts';
import type { PanelBlock } from '../../three/panel-layout.ts';
import { HudSheet } from '../../xr/hud/hud-panel.tsx';
import { cartPartInfo } from '../cart-changes.ts';
import { orderProblemOf, type OrderProblem } from '../order-problem.ts';
import { orderProblemText } from '../order-problem-text.ts';
import { createPartCardStore } from '../part-card-store.ts';
import { useShopStores } from '../shop-stores.ts';
import { stockText } from '../stock-text.ts';
import { checkoutBlocks } from './checkout-blocks.ts';
import { useQuickCheckout } from './use-quick-checkout.ts';

export interface PartCardSheetProps {
  product: ProductDetail;
  partId: string;
  onClose: () => void;
  onOrdered?: (order: Order) => void;
}

export function PartCardSheet({ product, partId, onClose, onOrdered }: PartCardSheetProps) {
  const { t } = useTranslation('orders');
  const language = useLanguage();
  const sku = product.parts.find((part) => part.id === partId)?.sku ?? null;
  const card = useMemo(() => createPartCardStore({ partId, sku, inAr: true }), [partId, sku]);
  useEffect(() => () => card.destroy(), [card]);
  useExposed('partCard', card);
  const data = useStore(card, (state) => state.part);
  const { cart, orders } = useShopStores();
  const cartState = useStore(cart, (state) => state);
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState<{ count: number; queued: boolean } | null>(null);
  const [problem, setProblem] = useState<OrderProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [checkingOut, setCheckingOut] = useState(false);
  const checkout = useQuickCheckout('cart', { fromCart: true });
  const checkoutState = useStore(checkout, (state) => state);
  const placedId = checkoutState.order?.id ?? null;
  const order = useStore(orders, (state) => (placedId ? (state.orders.find((candidate) => candidate.id === placedId) ?? null) : null)) ?? checkoutState.order;
  const part = data.status === 'ready' ? data.data.part : null;
  const items = useMemo(() => cartState.cart?.items ?? [], [cartState.cart]);
  const cartTotal = cartState.cart?.totalCents ?? 0;

  const blocks = useMemo((): PanelBlock[] => {
    if (checkingOut || order) {
      const lines = items.map((line) => ({ name: line.name[language], quantity: line.quantity, unitPriceCents: line.unitPriceCents }));
      return checkoutBlocks({ checkout: checkoutState, lines, totalCents: cartTotal, order, online: cartState.online && cartState.pending.length === 0, language, t });
    }
    if (!part) {
      const failed = data.status === 'error';
      return [
        { kind: 'note', text: failed ? t('errors.network') : t('loading', { ns: 'common' }), tone: failed ? 'warn' : 'info' },
        { kind: 'buttons', columns: 1, buttons: [{ id: 'sheet:close', label: t('hud.close'), enabled: true }] },
      ];
    }
    const max = Math.max(1, Math.min(part.stock, MAX_LINE_QUANTITY));
    const chosen = Math.min(quantity, max);
    const blocks: PanelBlock[] = [
      { kind: 'title', text: part.name[language] },
      { kind: 'text', size: 'small', segments: [{ text: `${t('partCard.sku')} ${part.sku}`, bold: false }] },
      { kind: 'text', segments: [{ text: formatPrice(part.priceCents, language), bold: true }, { text: ` · ${stockText(part.stock, t)}`, bold: false }] },
      { kind: 'value', text: `${t('quantity.label')}: ${chosen}` },
      { kind: 'buttons', columns: 2, height: 72, buttons: [
        { id: 'qty:less', label: t('hud.less'), enabled: chosen > 1 },
        { id: 'qty:more', label: t('hud.more'), enabled: chosen < max },
      ] },
    ];
    if (added) blocks.push({ kind: 'note', text: t(added.queued ? 'partCard.addedOffline' : 'partCard.added', { count: added.count, name: part.name[language] }), tone: 'info' });
    if (problem) blocks.push({ kind: 'note', text: orderProblemText(problem, t, () => part.name[language]), tone: 'warn' });
    blocks.push({ kind: 'buttons', columns: 1, buttons: [
      { id: 'part:add', label: busy ? t('partCard.adding') : t('hud.addNamed', { count: chosen, name: part.name[language], price: formatPrice(part.priceCents * chosen, language) }), enabled: !busy && part.stock > 0, tone: 'primary' },
      ...(items.length > 0 ? [{ id: 'cart:order', label: t('hud.orderCart', { total: formatPrice(cartTotal, language) }), enabled: true }] : []),
      { id: 'sheet:close', label: t('hud.close'), enabled: true },
    ] });
    return blocks;
  }, [checkingOut, order, items, checkoutState, cartTotal, cartState.online, cartState.pending.length, part, data.status, quantity, added, problem, busy, language, t]);

  const add = async () => {
    if (!part) return;
    const count = Math.min(quantity, Math.max(1, Math.min(part.stock, MAX_LINE_QUANTITY)));
    setBusy(true);
    setProblem(null);
    setAdded(null);
    try {
      const outcome = await cart.add([{ sku: part.sku, quantity: count, part: cartPartInfo(part) }]);
      setAdded({ count, queued: outcome === 'queued' });
    } catch (error) {
      setProblem(orderProblemOf(error));
    } finally {
      setBusy(false);
    }
  };
  const press = (id: string) => {
    if (id === 'qty:less') setQuantity((value) => Math.max(1, value - 1));
    else if (id === 'qty:more') setQuantity((value) => value + 1);
    else if (id === 'part:add') void add();
    else if (id === 'cart:order') setCheckingOut(true);
    else if (id === 'checkout:back') setCheckingOut(false);
    else if (id === 'checkout:place') {
      void checkout.place(items.map(({ sku: line, quantity: count, unitPriceCents }) => ({ sku: line, quantity: count, unitPriceCents })), cartTotal).then((placed) => placed && onOrdered?.(placed));
    }
    else if (id === 'sheet:close') onClose();
  };
  return <HudSheet id="part" blocks={blocks} onPress={press} />;
}
