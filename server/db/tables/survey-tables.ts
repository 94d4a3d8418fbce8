// Tables of the customer's voice: survey answers with the context the server read from its own data, and the agents'
// ratings of the help they finished.

export interface SurveyAnswersTable {
  id: string;
  user_id: string;
  /** 'guide' | 'help' | 'order'. */
  context: string;
  /** The assist session of a guide run or a help session, or the order's id. */
  context_id: string;
  product_id: string | null;
  guide_id: string | null;
  guide_version: number | null;
  /** The guide's step when the survey was answered. */
  step_id: string | null;
  agent_id: string | null;
  /** 'self-service' | 'assisted'. */
  channel: string;
  /** 'phone' | 'headset' | 'desktop', as the client said. */
  device: string;
  language: string;
  csat: number | null;
  ces: number | null;
  nps: number | null;
  comment: string | null;
  /** 1 when the person chose "Not now". */
  skipped: number;
  created_at: number;
}

export interface AgentRatingsTable {
  id: string;
  request_id: string;
  session_id: string;
  agent_id: string;
  product_id: string;
  /** 1 very easy … 5 very hard. */
  difficulty: number;
  /** 1 when the part and manual information was enough. */
  info_enough: number;
  note: string | null;
  created_at: number;
}

export interface SurveyTables {
  survey_answers: SurveyAnswersTable;
  agent_ratings: AgentRatingsTable;
}
