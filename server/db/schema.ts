// The whole database type: one interface of tables per domain, shared by SQLite and Postgres.
import type { FoundationTables } from './tables/foundation-tables.ts';
import type { OrderTables } from './tables/order-tables.ts';
import type { AssistTables } from './tables/assist-tables.ts';
import type { GuideTables } from './tables/guide-tables.ts';
import type { AuthTables } from './tables/auth-tables.ts';
import type { StudioTables } from './tables/studio-tables.ts';
import type { SurveyTables } from './tables/survey-tables.ts';
import type { ProactiveTables } from './tables/proactive-tables.ts';

export type * from './tables/foundation-tables.ts';
export type * from './tables/order-tables.ts';
export type * from './tables/assist-tables.ts';
export type * from './tables/guide-tables.ts';
export type * from './tables/auth-tables.ts';
export type * from './tables/studio-tables.ts';
export type * from './tables/survey-tables.ts';

export interface Database extends FoundationTables, OrderTables, AssistTables, GuideTables, AuthTables, StudioTables, SurveyTables, ProactiveTables {}
