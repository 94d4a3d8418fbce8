// The realtime protocol version, alone in a module so a client can read it without loading the zod schemas.
/** Bumped on any incompatible change of events or payloads; a client with another version is refused at connect. */
export const PROTOCOL_VERSION = 1;
