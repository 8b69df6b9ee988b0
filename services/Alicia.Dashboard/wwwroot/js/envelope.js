// The one JSON shape every Alicia message has (see DESIGN.md, "The envelope").

/** A random v4 UUID. crypto.randomUUID exists only on https/localhost pages; getRandomValues everywhere. */
export function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function createEnvelope(source, payload, {
  type = 'event', priority = 'normal', ttl = 300, destination = 'broadcast',
  correlationId = null, sessionId = null, siteId = null,
} = {}) {
  return {
    message_id: uuid(),
    timestamp: Date.now() / 1000,
    source,
    destination,
    message_type: type,
    priority,
    ttl,
    correlation_id: correlationId,
    session_id: sessionId,
    site_id: siteId,
    payload,
    routing: { hops: 0, max_hops: 10 },
  };
}

/** The envelope in a message's bytes, or null when they are not an envelope (audio, WAV, empty). */
export function parseEnvelope(bytes) {
  if (!bytes || bytes.length === 0 || (bytes[0] !== 0x7b /* { */ && bytes[0] !== 0x20 && bytes[0] !== 0x0a)) return null;
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes));
    return value && typeof value === 'object' && 'payload' in value && 'message_id' in value ? value : null;
  } catch {
    return null;
  }
}
