// The health answers a load balancer or a person reads: `GET /api/health`, and the liveness and readiness probes.
import { z } from 'zod';

export const HealthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  protocolVersion: z.number().int(),
  database: z.enum(['sqlite', 'postgres']),
  uptimeSeconds: z.number(),
});
export type Health = z.infer<typeof HealthSchema>;

/** `GET /api/health/live` answers while the process runs; `GET /api/health/ready` while it takes new work (503 when not). */
export const ProbeSchema = z.object({ status: z.enum(['live', 'ready']) });
export type Probe = z.infer<typeof ProbeSchema>;
