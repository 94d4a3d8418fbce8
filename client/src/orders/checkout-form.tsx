// Delivery address (saved or new, checked per field) and "Place order": one idempotency key per attempt, so retries never
// order twice; never queued offline, since an order needs the server's answer.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AddressListSchema, type Order, type OrderOrigin, type SavedAddress } from '../../../core/order.ts';
import { MAX_SAVED_ADDRESSES } from '../../../core/order-limits.ts';
import { apiGet } from '../api/http.ts';
import { formatPrice } from '../components/format.ts';
import { useResource } from '../components/use-resource.ts';
import { Loading } from '../components/status-views.tsx';
import { useAppStores } from '../state/app-stores.ts';
import { useShopStores } from './shop-stores.ts';
import { useStore } from '../state/use-store.ts';
import { AddressForm } from './address-form.tsx';
import { addressProblemsFromIssues, EMPTY_ADDRESS, validateAddress, type AddressDraft, type AddressProblems } from './address-validation.ts';
import { checkoutKey } from './checkout-key.ts';
import { errorBodyOf, orderProblemOf, type OrderProblem } from './order-problem.ts';
import { placeOrder, type OrderDestination } from './place-order.ts';
import { OrderProblemMessage } from './order-problem-message.tsx';
import { SavedAddresses } from './saved-addresses.tsx';
import { useLanguage } from '../components/use-language.ts';

export interface CheckoutLine {
  sku: string;
  name: string;
  quantity: number;
  /** The server's price, as shown; the server refuses the order if it changed. */
  unitPriceCents: number;
}

export interface CheckoutFormProps {
  lines: readonly CheckoutLine[];
  totalCents: number;
  /** Separates the idempotency keys of different things being checked out, e.g. `cart` or `session:<id>`. */
  keyScope: string;
  /** Links the order to this assist session. */
  sessionId?: string;
  /** Removes the ordered parts from the cart in the same transaction. @default false */
  fromCart?: boolean;
  /** Where the form is shown: `ar` in the AR overlay of a phone. @default 'page' */
  origin?: OrderOrigin;
  onPlaced: (order: Order) => void;
}

const NEW = 'new';

export function CheckoutForm({ lines, totalCents, keyScope, sessionId, fromCart = false, origin = 'page', onPlaced }: CheckoutFormProps) {
  const { t } = useTranslation('orders');
  const language = useLanguage();
  const { connection } = useAppStores();
  const { orders, cart } = useShopStores();
  const online = useStore(cart, (state) => state.online);
  const cartPending = useStore(cart, (state) => fromCart && state.pending.length > 0);
  const key = useMemo(() => checkoutKey(keyScope), [keyScope]);
  const saved = useResource((signal) => apiGet('/api/addresses', AddressListSchema, signal), []);
  const [choice, setChoice] = useState<string | null>(null);
  const [draft, setDraft] = useState<AddressDraft>(EMPTY_ADDRESS);
  const [remember, setRemember] = useState(true);
  const [problems, setProblems] = useState<AddressProblems>({});
  const [problem, setProblem] = useState<OrderProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const legendId = useId();

  const [book, setBook] = useState<SavedAddress[] | null>(null);
  const addresses: SavedAddress[] = book ?? (saved.status === 'ready' ? saved.data.addresses : []);
  const bookFull = addresses.length >= MAX_SAVED_ADDRESSES;
  const selected = choice ?? addresses[0]?.id ?? NEW;

  useEffect(() => {
    if (Object.keys(problems).length) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [problems]);

  const placeLabel = (): string => {
    if (busy) return t('checkout.placing');
    if (!online) return t('checkout.needsConnection');
    if (cartPending) return t('checkout.waitForCart');
    return t('checkout.place', { total: formatPrice(totalCents, language) });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !online || cartPending) return;
    setProblem(null);
    let destination: OrderDestination;
    if (selected === NEW) {
      const checked = validateAddress(draft);
      if (!checked.address) return setProblems(checked.problems);
      destination = { address: checked.address, saveAddress: remember && !bookFull };
    } else {
      destination = { addressId: selected };
    }
    setProblems({});
    setBusy(true);
    try {
      const order = await placeOrder(connection.getState().client, orders, key, { lines, totalCents, destination, origin, ...(sessionId ? { sessionId } : {}), fromCart });
      onPlaced(order);
    } catch (error) {
      setProblems(addressProblemsFromIssues(errorBodyOf(error)?.issues ?? []));
      setProblem(orderProblemOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} className="checkout-form" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
      <fieldset className="address-choice">
        <legend id={legendId}>{t('checkout.deliverTo')}</legend>
        {saved.status === 'loading' && <Loading />}
        <SavedAddresses addresses={addresses} selected={selected} onSelect={setChoice} onDeleted={(left) => {
            setBook(left);
            if (selected !== NEW && !left.some((address) => address.id === selected)) setChoice(null);
          }} />
        {addresses.length > 0 && (
          <label className="address-option">
            <input type="radio" name="address" value={NEW} checked={selected === NEW} onChange={() => setChoice(NEW)} />
            <span>{t('checkout.newAddress')}</span>
          </label>
        )}
        {selected === NEW && (
          <>
            <AddressForm value={draft} onChange={setDraft} problems={problems} />
            <label className="checkbox">
              <input type="checkbox" checked={remember && !bookFull} disabled={bookFull} aria-describedby={bookFull ? `${legendId}-full` : undefined} onChange={(event) => setRemember(event.target.checked)} />
              {t('checkout.saveAddress')}
            </label>
            {bookFull && (
              <p id={`${legendId}-full`} className="hint">
                {t('checkout.addressBookFull', { count: MAX_SAVED_ADDRESSES })}
              </p>
            )}
          </>
        )}
      </fieldset>
      {problem && (
        <OrderProblemMessage problem={problem} nameOf={(index) => lines[index]?.name} retryHint={t('checkout.retrySafe')} />
      )}
      <button type="submit" className="primary place-order" disabled={busy || lines.length === 0 || !online || cartPending} data-testid="place-order">
        {placeLabel()}
      </button>
    </form>
  );
}
