// MQTT topic filter matching ('+' one level, '#' the rest), as the broker does it.

export function matches(filter, topic) {
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length) return false;
    if (f[i] !== '+' && f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}

/** The last level of a topic: the service in alicia/system/health/tts, the device in .../state/lamp. */
export function lastLevel(topic) {
  return topic.slice(topic.lastIndexOf('/') + 1);
}
