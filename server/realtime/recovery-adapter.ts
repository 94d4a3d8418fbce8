// Connection state recovery keeps each broadcast for a while so a socket back within that time gets what it missed.
// Snapshots a client asks for again on every reconnect, and the greeting every connection gets anew, are not kept:
// a full queue snapshot each time a request came or went was most of the memory the server held per connection.
import { Adapter, SessionAwareAdapter } from 'socket.io-adapter';
import type { ServerToClientEvents } from '../../core/protocol.ts';

const NOT_REPLAYED: ReadonlySet<string> = new Set<keyof ServerToClientEvents>(['hello', 'queue:updated', 'callbacks:updated']);

type Packet = Parameters<SessionAwareAdapter['broadcast']>[0];
type BroadcastOptions = Parameters<SessionAwareAdapter['broadcast']>[1];

export class RecoveryAdapter extends SessionAwareAdapter {
  override broadcast(packet: Packet, opts: BroadcastOptions): void {
    const event: unknown = Array.isArray(packet.data) ? packet.data[0] : undefined;
    if (typeof event === 'string' && NOT_REPLAYED.has(event)) Adapter.prototype.broadcast.call(this, packet, opts);
    else super.broadcast(packet, opts);
  }
}
