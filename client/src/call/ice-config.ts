// The ICE servers the deployment configured (GET /api/config), fetched once; none means host candidates only (LAN, loopback).
import { apiRequest } from '../api/http.ts';

let loading: Promise<RTCIceServer[]> | null = null;

export function loadIceServers(): Promise<RTCIceServer[]> {
  loading ??= apiRequest<{ iceServers?: RTCIceServer[] }>('/api/config').then(
    (config) => config.iceServers ?? [],
    () => {
      loading = null;
      return [];
    },
  );
  return loading;
}
