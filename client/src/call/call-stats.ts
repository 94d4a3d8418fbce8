// Reads the audio counters of a peer connection: bytes sent and received, and the incoming level.
export interface CallAudioStats {
  inboundAudioBytes: number;
  outboundAudioBytes: number;
  inboundAudioLevel: number | null;
}

export async function readAudioStats(connection: RTCPeerConnection): Promise<CallAudioStats> {
  const report = await connection.getStats();
  const stats: CallAudioStats = { inboundAudioBytes: 0, outboundAudioBytes: 0, inboundAudioLevel: null };
  report.forEach((entry: { type: string; kind?: string; bytesReceived?: number; bytesSent?: number; audioLevel?: number }) => {
    if (entry.kind !== 'audio') return;
    if (entry.type === 'inbound-rtp') {
      stats.inboundAudioBytes += entry.bytesReceived ?? 0;
      if (typeof entry.audioLevel === 'number') stats.inboundAudioLevel = entry.audioLevel;
    }
    if (entry.type === 'outbound-rtp') stats.outboundAudioBytes += entry.bytesSent ?? 0;
  });
  return stats;
}
