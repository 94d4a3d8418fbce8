// Tables of ordering: carts, saved addresses, orders with their lines and status history, and the order-number counter.

export interface CartItemsTable {
  user_id: string;
  sku: string;
  quantity: number;
  added_at: number;
  updated_at: number;
}

/** One row per applied cart add that carried the client's change id. */
export interface CartChangesTable {
  user_id: string;
  change_id: string;
  applied_at: number;
}

export interface AddressesTable {
  id: string;
  user_id: string;
  name: string;
  street: string;
  city: string;
  postal_code: string;
  country: string;
  created_at: number;
}

export interface OrdersTable {
  id: string;
  /** Human number, e.g. `XR-000123`; unique. */
  number: string;
  user_id: string;
  status: string;
  total_cents: number;
  currency: string;
  /** JSON Address as it was at checkout. */
  address: string;
  session_id: string | null;
  /** `page` or `ar` (core's ORDER_ORIGINS); null for orders placed before migration 015 or by a client that did not say. */
  origin: string | null;
  /** Unique per user: a retry with the same key finds this order instead of placing another. */
  idempotency_key: string;
  /** Hash of the request that placed the order, to refuse a key reused for a different order. */
  request_hash: string;
  created_at: number;
  updated_at: number;
}

export interface OrderItemsTable {
  order_id: string;
  position: number;
  sku: string;
  /** JSON LocalizedText: the part's name at checkout. */
  name: string;
  quantity: number;
  unit_price_cents: number;
  line_total_cents: number;
}

export interface OrderStatusHistoryTable {
  order_id: string;
  status: string;
  at: number;
  by_user_id: string | null;
}

export interface OrderCountersTable {
  name: string;
  value: number;
}

export interface OrderTables {
  cart_items: CartItemsTable;
  cart_changes: CartChangesTable;
  addresses: AddressesTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
  order_status_history: OrderStatusHistoryTable;
  order_counters: OrderCountersTable;
}
