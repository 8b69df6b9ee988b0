// The live message stream: everything on alicia/#, newest first, filterable, pausable; a row
// expands to the whole envelope.

import { $, h } from '../dom.js';
import * as fmt from '../format.js';
import { matches } from '../topic-filter.js';

const KEEP = 1000;        // messages remembered for re-filtering
const SHOW = 300;         // rows in the page at once
const AUDIO_FRAMES = 'alicia/voice/audio/+/frame';

export class StreamView {
  #messages = [];
  #incoming = [];   // arrived since the last paint (or while paused)
  #paused = false;
  #filter = '';
  #showAudio = false;
  #painting = false;
  #total = 0;

  constructor(bus) {
    bus.on('alicia/#', m => this.#onMessage(m));
    $('#stream-filter').addEventListener('input', e => { this.#filter = e.target.value.trim(); this.#repaint(); });
    $('#stream-audio').addEventListener('change', e => { this.#showAudio = e.target.checked; this.#repaint(); });
    $('#stream-pause').addEventListener('click', () => this.#togglePause());
    $('#stream-clear').addEventListener('click', () => { this.#messages = []; this.#incoming = []; this.#repaint(); });
  }

  #onMessage(message) {
    this.#total++;
    this.#incoming.push(message);
    if (!this.#paused) this.#schedulePaint();
    else this.#updateCount();
  }

  #togglePause() {
    this.#paused = !this.#paused;
    const button = $('#stream-pause');
    button.setAttribute('aria-pressed', String(this.#paused));
    button.textContent = this.#paused ? 'Resume' : 'Pause';
    if (!this.#paused) this.#schedulePaint();
    this.#updateCount();
  }

  #schedulePaint() {
    if (this.#painting) return;
    this.#painting = true;
    requestAnimationFrame(() => {
      this.#painting = false;
      this.#paint();
    });
  }

  /** Adds what arrived since the last paint at the top, and trims the bottom. */
  #paint() {
    const arrived = this.#incoming;
    this.#incoming = [];
    this.#messages.push(...arrived);
    if (this.#messages.length > KEEP) this.#messages.splice(0, this.#messages.length - KEEP);
    const list = $('#stream');
    const rows = arrived.filter(m => this.#visible(m)).slice(-SHOW).reverse().map(row);
    list.prepend(...rows);
    while (list.children.length > SHOW) list.lastElementChild.remove();
    this.#updateCount();
  }

  #repaint() {
    if (!this.#paused) {
      this.#messages.push(...this.#incoming);
      this.#incoming = [];
    }
    const rows = this.#messages.filter(m => this.#visible(m)).slice(-SHOW).reverse().map(row);
    $('#stream').replaceChildren(...rows);
    this.#updateCount();
  }

  #visible(message) {
    if (!this.#showAudio && matches(AUDIO_FRAMES, message.topic)) return false;
    const filter = this.#filter;
    if (!filter) return true;
    // A filter with wildcards is an MQTT topic filter; anything else matches as text anywhere in the topic.
    if (filter.includes('+') || filter.includes('#')) return matches(filter, message.topic);
    return message.topic.toLowerCase().includes(filter.toLowerCase());
  }

  #updateCount() {
    const shown = $('#stream').children.length;
    const waiting = this.#paused && this.#incoming.length ? ` · paused, ${this.#incoming.length} new` : this.#paused ? ' · paused' : '';
    $('#stream-count').textContent = `${this.#total} received, ${shown} shown${waiting}`;
  }
}

function row(message) {
  const { envelope } = message;
  const item = h('li', { class: 'message', dataset: { topic: message.topic } });
  const button = h('button', { type: 'button', 'aria-expanded': 'false' },
    h('span', { class: 'time', text: fmt.time(envelope?.timestamp ?? message.receivedAt) }),
    h('span', { class: 'topic', text: message.topic, title: message.topic }),
    h('span', { class: 'source', text: envelope?.source ?? '' }),
    h('span', { class: 'kind' }, kindBadge(message)),
    h('span', { class: 'summary', text: summary(message) }));
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') === 'true';
    button.setAttribute('aria-expanded', String(!open));
    if (open) item.querySelector('pre')?.remove();
    else item.append(h('pre', { text: details(message) }));
  });
  item.append(button);
  return item;
}

function kindBadge(message) {
  if (!message.envelope) return h('span', { class: 'badge plain', text: message.bytes.length ? 'binary' : 'empty' });
  const type = message.envelope.message_type;
  const kind = type === 'command' ? 'accent' : type === 'response' ? (message.envelope.payload?.ok === false ? 'error' : 'online') : '';
  return h('span', { class: `badge plain ${kind}`, text: message.retained ? `${type} · retained` : type });
}

function summary(message) {
  if (message.envelope) {
    const text = JSON.stringify(message.envelope.payload);
    return text.length > 180 ? `${text.slice(0, 180)}…` : text;
  }
  return describeBytes(message.bytes);
}

function details(message) {
  if (message.envelope) return JSON.stringify(message.envelope, null, 2);
  const hex = [...message.bytes.slice(0, 48)].map(b => b.toString(16).padStart(2, '0')).join(' ');
  return `${describeBytes(message.bytes)}\n${hex}${message.bytes.length > 48 ? ' …' : ''}`;
}

function describeBytes(bytes) {
  if (!bytes.length) return 'empty (clears a retained message)';
  const isWav = bytes.length > 12 && String.fromCharCode(...bytes.slice(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.slice(8, 12)) === 'WAVE';
  const size = bytes.length >= 2048 ? `${(bytes.length / 1024).toFixed(1)} kB` : `${bytes.length} bytes`;
  if (isWav) return `WAV audio, ${size}`;
  if (bytes.some(b => b < 0x09)) return `binary, ${size}`;
  try {
    return `text: ${new TextDecoder('utf-8', { fatal: true }).decode(bytes.slice(0, 160))}`;
  } catch {
    return `binary, ${size}`;
  }
}
