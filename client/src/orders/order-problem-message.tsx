// Says what went wrong with a cart or order request in the person's language, naming parts and how many are left.
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { OrderProblem } from './order-problem.ts';
import { orderProblemText } from './order-problem-text.ts';

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
  if (problem.kind === 'sign-in' || problem.kind === 'already-placed') {
    const link = problem.kind === 'sign-in' ? <Link href={`/sign-in?next=${encodeURIComponent(location)}`}>{t('signInToOrder')}</Link> : <Link href="/orders">{t('orders.title')}</Link>;
    return (
      <p role="alert" className="status-error" data-testid="order-error">
        {orderProblemText(problem, t)} {link}
      </p>
    );
  }
  const text = orderProblemText(problem, t, nameOf, retryHint);
  return (
    <p role="alert" className="status-error" data-testid="order-error">
      {text}
    </p>
  );
}
