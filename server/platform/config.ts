// Server configuration read from environment variables, with the defaults of a one-machine demo install.
import path from 'node:path';
import { z } from 'zod';

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
  CLIENT_DIR: z.string().default('./dist/client'),
  ASSETS_DIR: z.string().default('./assets'),
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
  iceServers: RTCIceServerConfig[];
  clientDir: string;
  assetsDir: string;
}

export interface RTCIceServerConfig {
  urls: string | string[];
  username?: string;
  credential?: string;
}

const IceServersSchema = z.array(
  z.object({ urls: z.union([z.string(), z.array(z.string())]), username: z.string().optional(), credential: z.string().optional() }),
);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  let iceServers: RTCIceServerConfig[] = [];
  if (e.ICE_SERVERS) {
    const ice = IceServersSchema.safeParse(JSON.parse(e.ICE_SERVERS));
    if (!ice.success) throw new Error('Invalid configuration: ICE_SERVERS must be a JSON array of { urls, username?, credential? }');
    iceServers = ice.data as RTCIceServerConfig[];
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
    clientDir: path.resolve(e.CLIENT_DIR),
    assetsDir: path.resolve(e.ASSETS_DIR),
  };
}
