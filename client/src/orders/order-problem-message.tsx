// Says what went wrong with a cart or order request in the person's language, naming parts and how many are left.
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { OrderProblem } from './order-problem.ts';

export interface OrderProblemMessageProps {
  problem: OrderProblem;
  /** Name of the item at an index of the request, for shortages. */
  nameOf?: (index: number) => string | undefined;
  /** What "try again" means here, when the request may be retried safely. */
  retryHint?: string;
}

export function OrderProblemMessage({ problem, nameOf, retryHint }: OrderProblemMessageProps) {
  const { t } = useTranslation('orders');
  const [location] = useLocation();
  let text: string;
  switch (problem.kind) {
    case 'network':
      text = retryHint ? `${t('errors.network')} ${retryHint}` : t('errors.network');
      break;
    case 'sign-in':
      return (
        <p role="alert" className="status-error" data-testid="order-error">
          {t('errors.signIn')} <Link href={`/sign-in?next=${encodeURIComponent(location)}`}>{t('signInToOrder')}</Link>
        </p>
      );
    case 'shortage':
      text = problem.lines
        .map(({ index, left }) => {
          const name = nameOf?.(index) ?? t('errors.thisPart');
          return left === 0 ? t('errors.outOfStock', { name }) : t('errors.onlyLeft', { count: left, name });
        })
        .join(' ');
      break;
    case 'price-changed':
      text = t('errors.priceChanged');
      break;
    case 'already-placed':
      return (
        <p role="alert" className="status-error" data-testid="order-error">
          {t('errors.alreadyPlaced')} <Link href="/orders">{t('orders.title')}</Link>
        </p>
      );
    case 'message':
      text = problem.text;
      break;
  }
  return (
    <p role="alert" className="status-error" data-testid="order-error">
      {text}
    </p>
  );
}
