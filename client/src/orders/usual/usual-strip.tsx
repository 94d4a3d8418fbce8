// The "Your usual?" strip: each usual part with what one tap orders (quantity, price), where it goes, its stock, an
// "Order again" button, and then the order's number or why it was not placed. Renders nothing without a usual.
import { useEffect, useId, useMemo } from 'react';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import type { UsualItem } from '../../../../core/order.ts';
import { formatPrice } from '../../components/format.ts';
import { useLanguage } from '../../components/use-language.ts';
import { useAppStores } from '../../state/app-stores.ts';
import { useStore } from '../../state/use-store.ts';
import { OrderProblemMessage } from '../order-problem-message.tsx';
import { useShopStores } from '../shop-stores.ts';
import { StockLabel } from '../stock-label.tsx';
import { addressLine } from './address-line.ts';
import { createUsualStore, type UsualStore } from './usual-store.ts';
import '../../styles/usual.css';

export interface UsualStripProps {
  /** On a guide's finished screen: only the parts of that guide's product. */
  guideId?: string | undefined;
}

function UsualRow({ item, store }: { item: UsualItem; store: UsualStore }) {
  const { t } = useTranslation('orders');
  const language = useLanguage();
  const id = useId();
  const tap = useStore(store, () => store.tapOf(item.sku));
  const name = item.name[language];
  const { quantity, address } = item.last;
  const short = item.stock < quantity;
  const shortText = item.stock === 0 ? t('errors.outOfStock', { name }) : t('usual.notEnough', { count: item.stock, quantity });
  return (
    <li className="usual-item" data-testid="usual-item" data-sku={item.sku}>
      <h3>{name}</h3>
      <p id={`${id}-what`}>{t('usual.what', { quantity, unit: formatPrice(item.unitPriceCents, language), total: formatPrice(item.unitPriceCents * quantity, language) })}</p>
      <p id={`${id}-where`}>{address ? t('usual.goesTo', { address: addressLine(address, language) }) : t('usual.noAddress')}</p>
      <p>
        <StockLabel stock={item.stock} />
      </p>
      {short && (
        <p id={`${id}-short`} className="hint">
          {shortText}
        </p>
      )}
      <button
        type="button"
        onClick={() => void store.orderAgain(item)}
        disabled={tap.busy || short}
        aria-label={t(tap.busy ? 'usual.orderingNamed' : 'usual.orderAgainNamed', { name })}
        aria-describedby={`${id}-what ${id}-where${short ? ` ${id}-short` : ''}`}
        data-testid="usual-order-again"
      >
        {tap.busy ? t('usual.ordering') : t('usual.orderAgain')}
      </button>
      {tap.order && (
        <p role="status" className="status-ok" data-testid="usual-ordered">
          {t('usual.ordered', { number: tap.order.number })} <Link href={`/orders/${tap.order.id}`}>{t('usual.viewOrder')}</Link>
        </p>
      )}
      {tap.problem?.kind === 'no-address' && (
        <p role="alert" className="status-error" data-testid="order-error">
          {t('usual.noAddressError')} <Link href="/cart">{t('usual.toCart')}</Link>
        </p>
      )}
      {tap.problem && tap.problem.kind !== 'no-address' && <OrderProblemMessage problem={tap.problem} nameOf={() => name} />}
    </li>
  );
}

export function UsualStrip({ guideId }: UsualStripProps) {
  const { t } = useTranslation('orders');
  const { connection } = useAppStores();
  const { orders } = useShopStores();
  const titleId = useId();
  const store = useMemo(() => createUsualStore({ client: () => connection.getState().client, orders, guideId }), [connection, orders, guideId]);
  useEffect(() => () => store.destroy(), [store]);
  const items = useStore(store, (state) => state.items);
  if (items.status !== 'ready' || items.data.length === 0) return null;
  return (
    <section className="usual-strip" aria-labelledby={titleId} data-testid="usual-strip">
      <h2 id={titleId}>{t('usual.title')}</h2>
      <p className="hint">{t('usual.intro')}</p>
      <ul className="usual-list">
        {items.data.map((item) => (
          <UsualRow key={item.sku} item={item} store={store} />
        ))}
      </ul>
    </section>
  );
}
