// The order a headset asks about: the last one placed with a part card's one-press checkout, once the person closed
// its confirmation (the survey never covers the order's number and status).
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Order } from '../../../../core/order.ts';
import type { SurveyTarget } from '../../../../core/survey.ts';

export function useOrderSurveyTarget() {
  const placed = useRef<string | null>(null);
  const [orderId, setOrderId] = useState<string | null>(null);
  const onOrdered = useCallback((order: Order) => {
    placed.current = order.id;
  }, []);
  const onCardClosed = useCallback(() => setOrderId(placed.current), []);
  const target = useMemo<SurveyTarget | null>(() => (orderId ? { context: 'order', contextId: orderId } : null), [orderId]);
  return { target, onOrdered, onCardClosed };
}
