// The card of a picked part: name, SKU, price, stock, the products it fits, a quantity and "Add <part> to cart — <price>"
// — inline (scrolled fully into view once loaded) or over AR.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useTranslation } from 'react-i18next';
import type { PartDetail, ProductDetail } from '../../../core/catalog.ts';
import { MAX_LINE_QUANTITY } from '../../../core/order-limits.ts';
import { formatPrice } from '../components/format.ts';
import { ErrorView, Loading } from '../components/status-views.tsx';
import { useExposed } from '../observe/use-exposed.ts';
import { useStore } from '../state/use-store.ts';
import { cartPartInfo } from './cart-changes.ts';
import { createPartCardStore, type PartCardStore } from './part-card-store.ts';
import { useShopStores } from './shop-stores.ts';
import { orderProblemOf, type OrderProblem } from './order-problem.ts';
import { OrderProblemMessage } from './order-problem-message.tsx';
import { QuantityStepper } from './quantity-stepper.tsx';
import { StockLabel } from './stock-label.tsx';
import { useLanguage } from '../components/use-language.ts';
import { useDialogFocus } from '../components/use-dialog-focus.ts';

export interface PartCardProps {
  product: ProductDetail;
  partId: string;
  onClose: () => void;
  /** Shown over the AR view: no links that would leave it. @default false */
  inAr?: boolean;
}

declare module '../observe/registry.ts' {
  interface Observables {
    partCard: PartCardStore;
  }
}

export function PartCard({ product, partId, onClose, inAr = false }: PartCardProps) {
  const { t } = useTranslation('orders');
  const titleId = useId();
  const sku = product.parts.find((part) => part.id === partId)?.sku ?? null;
  const store = useMemo(() => createPartCardStore({ partId, sku, inAr }), [partId, sku, inAr]);
  useEffect(() => () => store.destroy(), [store]);
  useExposed('partCard', store);
  const data = useStore(store, (state) => state.part);
  const dialog = useRef<HTMLElement>(null);
  useDialogFocus(dialog, onClose, partId);
  useEffect(() => {
    if (!inAr && data.status === 'ready') dialog.current?.scrollIntoView({ block: 'nearest' });
  }, [data.status, inAr, store]);

  return (
    <section ref={dialog} className={`part-card${inAr ? ' in-ar' : ''}`} role="dialog" aria-modal="false" aria-labelledby={titleId} tabIndex={-1} data-testid="part-card">
      <button type="button" className="part-card-close" onClick={onClose} aria-label={t('partCard.close')}>
        ×
      </button>
      {data.status === 'loading' && <Loading />}
      {data.status === 'error' && <ErrorView error={data.error} retry={data.retry} />}
      {data.status === 'ready' && <PartCardBody titleId={titleId} part={data.data.part} products={data.data.products} inAr={inAr} />}
      {data.status !== 'ready' && (
        <h2 id={titleId} className="visually-hidden">
          {t('partCard.title')}
        </h2>
      )}
    </section>
  );
}

function PartCardBody({ titleId, part, products, inAr }: { titleId: string; part: PartDetail; products: Array<{ id: string; name: ProductDetail['name'] }>; inAr: boolean }) {
  const { t } = useTranslation('orders');
  const language = useLanguage();
  const { cart } = useShopStores();
  const signedIn = useStore(cart, (state) => state.status !== 'signed-out');
  const [location] = useLocation();
  const [quantity, setQuantity] = useState(1);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<{ count: number; queued: boolean } | null>(null);
  const [problem, setProblem] = useState<OrderProblem | null>(null);
  const max = Math.max(1, Math.min(part.stock, MAX_LINE_QUANTITY));
  const chosen = Math.min(quantity, max);
  const name = part.name[language];

  const add = async () => {
    setBusy(true);
    setProblem(null);
    setAdded(null);
    try {
      const outcome = await cart.add([{ sku: part.sku, quantity: chosen, part: cartPartInfo(part) }]);
      setAdded({ count: chosen, queued: outcome === 'queued' });
    } catch (error) {
      setProblem(orderProblemOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h2 id={titleId}>
        {name}
      </h2>
      <dl className="part-facts">
        <dt>{t('partCard.sku')}</dt>
        <dd data-testid="part-sku">{part.sku}</dd>
        <dt>{t('partCard.price')}</dt>
        <dd className="price">{formatPrice(part.priceCents, language)}</dd>
        <dt>{t('partCard.stock')}</dt>
        <dd>
          <StockLabel stock={part.stock} />
        </dd>
      </dl>
      {products.length > 0 && (
        <div className="part-fits">
          <h3>{t('partCard.fits')}</h3>
          <ul>
            {products.map((product) => (
              <li key={product.id}>{inAr ? product.name[language] : <Link href={`/products/${product.id}`}>{product.name[language]}</Link>}</li>
            ))}
          </ul>
        </div>
      )}
      {signedIn ? (
        <div className="part-card-actions">
          <QuantityStepper label={t('quantity.label')} value={chosen} onChange={setQuantity} max={max} disabled={part.stock === 0} />
          <button type="button" className="primary" onClick={() => void add()} disabled={busy || part.stock === 0}>
            {busy ? t('partCard.adding') : t('partCard.addNamed', { count: chosen, name, price: formatPrice(part.priceCents * chosen, language) })}
          </button>
        </div>
      ) : (
        <p>
          <Link href={`/sign-in?next=${encodeURIComponent(location)}`}>{t('signInToOrder')}</Link>
        </p>
      )}
      <p role="status" aria-live="polite" className="part-card-status">
        {added !== null && (
          <>
            {t(added.queued ? 'partCard.addedOffline' : 'partCard.added', { count: added.count, name })} {!inAr && <Link href="/cart">{t('cart.view')}</Link>}
          </>
        )}
      </p>
      {problem && <OrderProblemMessage problem={problem} nameOf={() => name} />}
    </>
  );
}
