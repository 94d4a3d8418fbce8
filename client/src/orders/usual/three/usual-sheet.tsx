// "Your usual?" in a headset: once a guide is finished, a HUD sheet with the consumables this person reorders from that
// guide's product, ordered again with one press of the controller's ray or a pinch (the usual store of the page's strip,
// orders recorded as placed in AR). Without a usual, or once "Not now" / "Continue" is pressed, it says it is done so
// the survey can follow.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../components/use-language.ts';
import { useAppStores } from '../../../state/app-stores.ts';
import { useStore } from '../../../state/use-store.ts';
import { useHud } from '../../../xr/hud/hud-context.ts';
import { HudSheet } from '../../../xr/hud/hud-panel.tsx';
import { useShopStores } from '../../shop-stores.ts';
import { createUsualStore, type UsualTap } from '../usual-store.ts';
import { USUAL_DONE, USUAL_SHEET, orderAgainSku, usualBlocks } from './usual-blocks.ts';

export interface UsualSheetProps {
  /** Only the parts of this guide's product. */
  guideId: string;
  /** The person is done with it (or there is nothing to offer): the survey may follow. */
  onDone: () => void;
}

export default function UsualSheet({ guideId, onDone }: UsualSheetProps) {
  const { t } = useTranslation('orders');
  const language = useLanguage();
  const { hud } = useHud();
  const { connection } = useAppStores();
  const { orders } = useShopStores();
  const usual = useMemo(() => createUsualStore({ client: () => connection.getState().client, orders, guideId, origin: 'ar' }), [connection, orders, guideId]);
  useEffect(() => () => usual.destroy(), [usual]);
  const { items, taps } = useStore(usual, (state) => state);
  const placed = useStore(orders, (state) => state.orders);
  const sheet = useStore(hud, (state) => state.sheet);
  const offered = useMemo(() => (items.status === 'ready' ? items.data : []), [items]);
  const nothing = items.status === 'error' || (items.status === 'ready' && offered.length === 0);

  useEffect(() => {
    if (nothing) onDone();
  }, [nothing, onDone]);
  useEffect(() => {
    if (offered.length > 0 && sheet === null) hud.open(USUAL_SHEET);
  }, [hud, offered.length, sheet]);
  useEffect(() => () => hud.close(USUAL_SHEET), [hud]);

  const blocks = useMemo(() => {
    const tapOf = (sku: string): UsualTap => {
      const tap = taps[sku] ?? usual.tapOf(sku);
      const live = tap.order ? placed.find((order) => order.id === tap.order?.id) : undefined;
      return live ? { ...tap, order: live } : tap;
    };
    return usualBlocks({ items: offered, tapOf, language, t });
  }, [usual, taps, placed, offered, language, t]);

  if (sheet !== USUAL_SHEET || offered.length === 0) return null;
  const press = (id: string) => {
    const sku = orderAgainSku(id);
    const item = sku ? offered.find((candidate) => candidate.sku === sku) : undefined;
    if (item) void usual.orderAgain(item);
    else if (id === USUAL_DONE) {
      hud.close(USUAL_SHEET);
      onDone();
    }
  };
  return <HudSheet id={USUAL_SHEET} blocks={blocks} onPress={press} />;
}
