// Tables of guides: stored versions, the editor's drafts, progress per assist session, applied actions, step events and
// asset alignments.
import type { Generated } from 'kysely';

export interface GuidesTable {
  id: string;
  version: number;
  product_id: string;
  /** 'published' | 'draft'. */
  status: string;
  /** JSON Guide. */
  data: string;
  created_by: string | null;
  created_at: number;
}

export interface GuideProgressTable {
  session_id: string;
  guide_id: string;
  /** The version started; the session keeps it even when a newer one is published. */
  guide_version: number;
  product_id: string;
  started_by: string;
  /** JSON GuideProgress. */
  progress: string;
  current_step_id: string | null;
  /** Bumped by every applied action; the row is locked by this update inside the action's transaction. */
  revision: number;
  /** Last seq used in guide_step_events for this session and guide. */
  last_event_seq: number;
  started_at: number;
  /** The guide of a session is the one started (or resumed) last. */
  selected_at: number;
  updated_at: number;
  finished_at: number | null;
}

export interface GuideActionsTable {
  session_id: string;
  action_id: string;
  guide_id: string;
  user_id: string;
  /** JSON GuideAction. */
  action: string;
  /** JSON GuideProgress right after this action. */
  result: string;
  client_at: number | null;
  applied_at: number;
}

export interface GuideStepEventsTable {
  id: string;
  session_id: string;
  guide_id: string;
  guide_version: number;
  product_id: string;
  user_id: string;
  step_id: string;
  /** 'entered' | 'left'. */
  kind: string;
  /** 1, 2, 3 … per session and guide, in the order things happened (several events can share `at`). */
  seq: number;
  at: number;
}

/** What a step's figures count beside time: a back-step from it, an out-of-range measurement taken on it. */
export interface GuideStepSignalsTable {
  id: string;
  session_id: string;
  guide_id: string;
  guide_version: number;
  product_id: string;
  user_id: string;
  step_id: string;
  /** 'back' | 'out-of-range'. */
  kind: string;
  /** The measurement of an out-of-range signal. */
  value: number | null;
  at: number;
}

export interface AssetAlignmentsTable {
  asset_id: string;
  product_id: string;
  /** JSON RigidTransform. */
  transform: string;
  rms_error: number;
  /** JSON array of landmark ids. */
  landmark_ids: string;
  saved_by: string;
  saved_at: number;
}

export interface GuideDraftsTable {
  guide_id: string;
  product_id: string;
  /** JSON: the guide as the editor last saved it (it may not be valid yet). */
  data: string;
  revision: number;
  based_on_version: number | null;
  updated_by: string | null;
  updated_at: number;
}

/** A statement the Learning Record Store acknowledged, by its source (`start:`/`done:` session:guide, `step:` event id). */
export interface XapiSentTable {
  source: string;
  statement_id: string;
  sent_at: number;
}

/** A statement source in commit order, written by triggers on guide_progress and guide_step_events. */
export interface XapiOutboxTable {
  pos: Generated<number>;
  /** Postgres: the writing transaction (xid8, read as text); SQLite: 0 (one writer commits in `pos` order). */
  tx: Generated<string | number>;
  source: string;
  /** 'start' | 'done' | 'step'. */
  kind: string;
  session_id: string;
  guide_id: string;
  event_id: string | null;
}

/** The push's one row: the last outbox position fully handled (sent or refused) and which node holds the lease. */
export interface XapiPushStateTable {
  name: string;
  watermark_tx: string;
  watermark_pos: number;
  holder: string | null;
  lease_until: number;
}

/** A statement the LRS refused for good (a 4xx other than 408/429), with its answer, for an admin to see. */
export interface XapiRefusedTable {
  source: string;
  statement_id: string;
  /** The statement's actor (erased with their data). */
  user_id: string;
  status: number;
  answer: string;
  /** JSON of the statement as sent. */
  statement: string;
  refused_at: number;
}

export interface GuideTables {
  guides: GuidesTable;
  guide_progress: GuideProgressTable;
  guide_actions: GuideActionsTable;
  guide_step_events: GuideStepEventsTable;
  guide_step_signals: GuideStepSignalsTable;
  asset_alignments: AssetAlignmentsTable;
  guide_drafts: GuideDraftsTable;
  xapi_sent: XapiSentTable;
  xapi_outbox: XapiOutboxTable;
  xapi_push_state: XapiPushStateTable;
  xapi_refused: XapiRefusedTable;
}
