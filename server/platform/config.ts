// Server configuration read from environment variables, with the defaults of a one-machine demo install.
import path from 'node:path';
import { z } from 'zod';
import { IceServerSchema, type IceServer } from '../../core/client-config.ts';

const booleanFlag = z.enum(['0', '1', 'true', 'false']).transform((value) => value === '1' || value === 'true');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  REDIS_PREFIX: z.string().min(1).optional(),
  DEMO: booleanFlag.default(true),
  JWT_SECRET: z.string().min(16).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ICE_SERVERS: z.string().optional(),
  ACCESS_TOKEN_TTL: z.coerce.number().int().min(1).default(15 * 60),
  REFRESH_TOKEN_TTL: z.coerce.number().int().min(60).default(7 * 24 * 60 * 60),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  PUBLIC_ORIGINS: z.string().default(''),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  MAX_SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).default(100),
  MAX_ANONYMOUS_SOCKETS: z.coerce.number().int().min(0).default(1000),
  RECOVERY_WINDOW_SECONDS: z.coerce.number().int().min(0).max(3600).default(120),
  REDIS_STREAM_MAX_LEN: z.coerce.number().int().min(100).default(10_000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().default('127.0.0.1'),
  METRICS_TOKEN: z.string().min(16).optional(),
  STUDIO_MAX_UPLOAD_MB: z.coerce.number().positive().max(4096).default(200),
  CLIENT_DIR: z.string().default('./dist/client'),
  ASSETS_DIR: z.string().default('./assets'),
  XAPI_ENDPOINT: z.string().url().optional(),
  XAPI_USERNAME: z.string().optional(),
  XAPI_PASSWORD: z.string().optional(),
  XAPI_BASE_IRI: z.string().url().default('https://xr-assist.example/xapi'),
  XAPI_PUSH_INTERVAL_MS: z.coerce.number().int().min(10).default(60_000),
});

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Postgres connection string; the embedded SQLite file under `dataDir` is used when absent. */
  databaseUrl?: string | undefined;
  /** Redis for the multi-node Socket.IO adapter; one node without it. */
  redisUrl?: string | undefined;
  /** Names the Redis stream, channels and session keys, so deployments (or test runs) can share one Redis. @default "socket.io" */
  redisPrefix?: string | undefined;
  /** Seeds the demo users and catalog. @default true */
  demo: boolean;
  /** Secret that signs tokens; a random one is generated and kept in `dataDir` when absent. */
  jwtSecret?: string | undefined;
  logLevel: string;
  /** JSON array of RTCIceServer objects handed to browsers for voice calls. */
  iceServers: IceServer[];
  /** How long an access token is good for, in seconds; the client renews it before then. @default 900 */
  accessTokenSeconds: number;
  /** How long a sign-in lasts without being renewed, in seconds (the refresh cookie's life). @default 604800 */
  refreshTokenSeconds: number;
  /** Sign-in attempts allowed per address and minute, on each node. @default 30 */
  loginAttemptsPerMinute: number;
  /** Origins a browser may open a socket from (`https://shop.example`); empty means the page's own origin only. */
  publicOrigins: string[];
  /** Reverse proxies in front of the server, whose `X-Forwarded-For` entry names the client's address. @default 0 */
  trustProxyHops: number;
  /** Open sockets allowed per client address, on each node. @default 100 */
  maxSocketsPerAddress: number;
  /** Open sockets without a sign-in allowed on each node. @default 1000 */
  maxAnonymousSockets: number;
  /** How long a dropped socket's rooms and missed broadcasts are kept for it to come back, in seconds. @default 120 */
  recoveryWindowSeconds: number;
  /** Entries the Redis stream of the multi-node adapter keeps (approximately): bounds Redis memory and recovery. @default 10000 */
  redisStreamMaxLen: number;
  /** On SIGTERM, how long in-flight events get to finish before the process exits anyway, in ms. @default 10000 */
  shutdownTimeoutMs: number;
  /** Serves Prometheus metrics at `/metrics` on this port of `metricsHost`; off when absent (and no `metricsToken`). */
  metricsPort?: number | undefined;
  /** @default "127.0.0.1" */
  metricsHost: string;
  /** Serves `/metrics` on the main port to requests bearing this token. */
  metricsToken?: string | undefined;
  /** Largest Studio upload (all its files together), in MB; imported products and drafts live under `dataDir/studio`. @default 200 */
  studioMaxUploadMb: number;
  clientDir: string;
  assetsDir: string;
  /** xAPI: where guide and step statements go and how they are named; see `XapiConfig`. */
  xapi: XapiConfig;
  /** What time it is, in epoch ms; tests move it to see rules that span days (NPS once in 90 days). @default Date.now */
  clock?: (() => number) | undefined;
}

export interface XapiConfig {
  /** The Learning Record Store's xAPI endpoint (`https://lrs.example/xapi/`); statements are only downloaded when absent. */
  endpoint?: string | undefined;
  /** HTTP Basic credentials of the LRS. */
  username?: string | undefined;
  password?: string | undefined;
  /** Prefix of activity ids and the actors' account home page. @default "https://xr-assist.example/xapi" */
  baseIri: string;
  /** How often statements not yet acknowledged are pushed, in ms; a failure backs off up to 32 times this. @default 60000 */
  pushIntervalMs: number;
  /** Test hook: called with the statement sources of the outbox rows each read of the push returned. */
  onOutboxRead?: ((sources: string[]) => void) | undefined;
}

const IceServersSchema = z.array(IceServerSchema);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  let iceServers: IceServer[] = [];
  if (e.ICE_SERVERS) {
    const ice = IceServersSchema.safeParse(JSON.parse(e.ICE_SERVERS));
    if (!ice.success) throw new Error('Invalid configuration: ICE_SERVERS must be a JSON array of { urls, username?, credential? }');
    iceServers = ice.data;
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    demo: e.DEMO,
    jwtSecret: e.JWT_SECRET,
    logLevel: e.LOG_LEVEL,
    iceServers,
    accessTokenSeconds: e.ACCESS_TOKEN_TTL,
    refreshTokenSeconds: e.REFRESH_TOKEN_TTL,
    loginAttemptsPerMinute: e.LOGIN_RATE_LIMIT,
    publicOrigins: parseOrigins(e.PUBLIC_ORIGINS),
    trustProxyHops: e.TRUST_PROXY,
    maxSocketsPerAddress: e.MAX_SOCKETS_PER_ADDRESS,
    maxAnonymousSockets: e.MAX_ANONYMOUS_SOCKETS,
    recoveryWindowSeconds: e.RECOVERY_WINDOW_SECONDS,
    redisStreamMaxLen: e.REDIS_STREAM_MAX_LEN,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    metricsPort: e.METRICS_PORT,
    metricsHost: e.METRICS_HOST,
    metricsToken: e.METRICS_TOKEN,
    studioMaxUploadMb: e.STUDIO_MAX_UPLOAD_MB,
    clientDir: path.resolve(e.CLIENT_DIR),
    assetsDir: path.resolve(e.ASSETS_DIR),
    xapi: { endpoint: e.XAPI_ENDPOINT, username: e.XAPI_USERNAME, password: e.XAPI_PASSWORD, baseIri: e.XAPI_BASE_IRI.replace(/\/+$/, ''), pushIntervalMs: e.XAPI_PUSH_INTERVAL_MS },
  };
}

/** `https://a.example, http://b.example:8080` → the origins as browsers send them (scheme, host and any port). */
function parseOrigins(list: string): string[] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const url = URL.parse(entry);
      if (!url || !['http:', 'https:'].includes(url.protocol)) throw new Error(`Invalid configuration:\n  PUBLIC_ORIGINS: "${entry}" is not an http(s) origin`);
      return url.origin;
    });
}
