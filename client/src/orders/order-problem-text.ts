// What went wrong with a cart or order request, as one sentence in the person's language (the page adds links to it).
import type { TFunction } from 'i18next';
import type { OrderProblem } from './order-problem.ts';

export function orderProblemText(problem: OrderProblem, t: TFunction<'orders'>, nameOf?: (index: number) => string | undefined, retryHint?: string): string {
  switch (problem.kind) {
    case 'network':
      return retryHint ? `${t('errors.network')} ${retryHint}` : t('errors.network');
    case 'sign-in':
      return t('errors.signIn');
    case 'shortage':
      return problem.lines
        .map(({ index, left }) => {
          const name = nameOf?.(index) ?? t('errors.thisPart');
          return left === 0 ? t('errors.outOfStock', { name }) : t('errors.onlyLeft', { count: left, name });
        })
        .join(' ');
    case 'price-changed':
      return t('errors.priceChanged');
    case 'already-placed':
      return t('errors.alreadyPlaced');
    case 'message':
      return problem.text;
  }
}
