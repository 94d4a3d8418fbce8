// Tables of live assistance: sessions, their members, the append-only session log, annotations, help requests, callbacks.

export interface AssistSessionsTable {
  id: string;
  requester_id: string;
  product_id: string;
  product_line: string;
  installed_asset_id: string | null;
  guide_id: string | null;
  language: string;
  /** 'open' | 'ended'. */
  status: string;
  current_step_id: string | null;
  /** JSON RigidTransform of the product in the requester's space. */
  placement: string | null;
  highlighted_part_id: string | null;
  /** JSON CallState of the call in progress. */
  active_call: string | null;
  /** The seq of the newest log entry; bumped in the transaction that appends one. */
  last_seq: number;
  created_at: number;
  ended_at: number | null;
}

export interface SessionMembersTable {
  session_id: string;
  user_id: string;
  /** 'requester' | 'agent'. */
  role: string;
  joined_at: number;
  left_at: number | null;
}

export interface SessionLogTable {
  session_id: string;
  seq: number;
  type: string;
  actor_id: string | null;
  client_id: string | null;
  /** JSON payload of the event. */
  data: string;
  at: number;
}

export interface SessionAnnotationsTable {
  id: string;
  session_id: string;
  /** JSON Annotation. */
  data: string;
  created_at: number;
}

export interface HelpRequestsTable {
  id: string;
  session_id: string;
  requester_id: string;
  product_id: string;
  product_line: string;
  language: string;
  /** JSON HelpContext. */
  context: string;
  /** JSON HelpHistoryItem[] captured when the request was made. */
  history: string;
  /** 'waiting' | 'active' | 'ended' | 'cancelled'. */
  status: string;
  agent_id: string | null;
  /** Only this agent may take it (a transfer by name). */
  target_agent_id: string | null;
  transferred_by: string | null;
  /** JSON array of agent ids who declined. */
  declined_by: string;
  created_at: number;
  accepted_at: number | null;
  ended_at: number | null;
}

export interface HelpCallbacksTable {
  id: string;
  session_id: string;
  requester_id: string;
  product_id: string;
  product_line: string;
  language: string;
  phone: string | null;
  note: string;
  created_at: number;
  /** When an agent marked it done; null while open. */
  done_at: number | null;
  done_by: string | null;
}

export interface AssistTables {
  assist_sessions: AssistSessionsTable;
  session_members: SessionMembersTable;
  session_log: SessionLogTable;
  session_annotations: SessionAnnotationsTable;
  help_requests: HelpRequestsTable;
  help_callbacks: HelpCallbacksTable;
}
