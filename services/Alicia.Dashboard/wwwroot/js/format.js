// How numbers and times read in the UI.

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const counts = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, notation: 'compact' });

/** Seconds as the two largest units that matter: "2 d 3 h", "4 min 05 s", "12 s". */
export function duration(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.floor(seconds);
  const d = Math.floor(s / 86400), hr = Math.floor((s % 86400) / 3600), min = Math.floor((s % 3600) / 60), sec = s % 60;
  if (d > 0) return `${d} d ${hr} h`;
  if (hr > 0) return `${hr} h ${min} min`;
  if (min > 0) return `${min} min ${String(sec).padStart(2, '0')} s`;
  return `${sec} s`;
}

export function count(value) {
  return Number.isFinite(value) ? counts.format(value) : '—';
}

/** Unix seconds as a wall-clock time. */
export function time(unixSeconds) {
  return Number.isFinite(unixSeconds) ? clock.format(new Date(unixSeconds * 1000)) : '—';
}

/** "just now", "12 s ago", "5 min ago". */
export function ago(unixSeconds, now = Date.now() / 1000) {
  if (!Number.isFinite(unixSeconds)) return 'never';
  const seconds = Math.max(0, now - unixSeconds);
  return seconds < 2 ? 'just now' : `${duration(seconds).split(' ').slice(0, 2).join(' ')} ago`;
}

export function milliseconds(ms) {
  if (!Number.isFinite(ms)) return '—';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

const ACRONYMS = new Set(['ai', 'stt', 'tts', 'llm', 'cli']);

/** "voice-router" -> "Voice router", "tts" -> "TTS". */
export function title(name) {
  if (ACRONYMS.has(String(name).toLowerCase())) return String(name).toUpperCase();
  const words = String(name).replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
