// The order a headset asks about: the last one placed with the one-press checkout of a part card or of the agent's
// proposal, once the person closed that sheet with its confirmation (the survey never covers the order's number and
// status).
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Order } from '../../../../core/order.ts';
import type { SurveyTarget } from '../../../../core/survey.ts';

export function useOrderSurveyTarget() {
  const placed = useRef<string | null>(null);
  const [orderId, setOrderId] = useState<string | null>(null);
  const onOrdered = useCallback((order: Order) => {
    placed.current = order.id;
  }, []);
  const onSheetClosed = useCallback(() => setOrderId(placed.current), []);
  const target = useMemo<SurveyTarget | null>(() => (orderId ? { context: 'order', contextId: orderId } : null), [orderId]);
  return useMemo(() => ({ target, onOrdered, onSheetClosed }), [target, onOrdered, onSheetClosed]);
}
