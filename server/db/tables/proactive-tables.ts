// Tables of proactive help: per-person preferences and the offers made (at most one per session and step).

export interface UserPreferencesTable {
  user_id: string;
  /** 1: offer help before the person asks (the default when there is no row); 0: never. */
  proactive_help: number;
  updated_at: number;
}

export interface ProactiveOffersTable {
  session_id: string;
  step_id: string;
  user_id: string;
  guide_id: string;
  /** JSON ProactiveReason[]. */
  reasons: string;
  offered_at: number;
}

export interface ProactiveTables {
  user_preferences: UserPreferencesTable;
  proactive_offers: ProactiveOffersTable;
}
