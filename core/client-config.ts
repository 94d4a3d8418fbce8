// What the browser asks the deployment for at `GET /api/config`: the STUN/TURN servers for voice calls.
import { z } from 'zod';

export const IceServerSchema = z.object({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServerSchema>;

export const ClientConfigSchema = z.object({ iceServers: z.array(IceServerSchema) });
export type ClientConfig = z.infer<typeof ClientConfigSchema>;
