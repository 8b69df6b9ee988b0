// Conversations: one card per dialogue session, built from the voice router's started/ended events
// and the AI's response, with how long each stage took.

import { $, fill, h } from '../dom.js';
import * as fmt from '../format.js';

const KEEP = 50;
// The order stages happen in, so the bar reads left to right like the pipeline.
const STAGE_ORDER = ['wake', 'listen', 'vad_end', 'stt', 'ai', 'command', 'tts'];

export class ConversationsView {
  #sessions = new Map(); // session id -> session

  constructor(bus) {
    bus.on('alicia/voice/session/+/started', m => this.#onStarted(m));
    bus.on('alicia/voice/session/+/ended', m => this.#onEnded(m));
    bus.on('alicia/voice/ai/response', m => this.#onAiResponse(m));
    bus.on('alicia/voice/stt/response', m => this.#onTranscript(m));
    this.#renderEmpty();
  }

  #session(id, envelope) {
    let session = this.#sessions.get(id);
    if (!session) {
      session = { id, startedAt: envelope?.timestamp ?? Date.now() / 1000, card: h('article', { class: 'card session', dataset: { session: id } }) };
      this.#sessions.set(id, session);
      $('#sessions').prepend(session.card);
      this.#trim();
    }
    return session;
  }

  #onStarted({ envelope }) {
    const started = envelope?.payload;
    if (!started?.session_id) return;
    const session = this.#session(started.session_id, envelope);
    session.site = started.site;
    session.mode = started.mode;
    session.startedAt = envelope.timestamp;
    this.#render(session);
  }

  #onEnded({ envelope }) {
    const ended = envelope?.payload;
    if (!ended?.session_id) return;
    const session = this.#session(ended.session_id, envelope);
    Object.assign(session, {
      site: ended.site ?? session.site,
      reason: ended.reason,
      transcript: ended.transcript ?? session.transcript,
      intent: ended.intent ?? session.intent,
      reply: ended.reply ?? session.reply,
      stages: ended.stage_ms ?? {},
      endedAt: envelope.timestamp,
    });
    this.#render(session);
  }

  #onAiResponse({ envelope }) {
    const ai = envelope?.payload;
    if (!envelope?.session_id || !ai) return; // answers to `alicia ask` outside a session have no timeline
    const session = this.#session(envelope.session_id, envelope);
    Object.assign(session, {
      transcript: session.transcript ?? ai.text,
      intent: ai.intent ?? session.intent,
      reply: ai.reply || session.reply,
      confidence: ai.confidence,
      slots: ai.slots ?? [],
      recognized: ai.recognized,
    });
    this.#render(session);
  }

  #onTranscript({ envelope }) {
    if (!envelope?.session_id || !this.#sessions.has(envelope.session_id)) return;
    const session = this.#sessions.get(envelope.session_id);
    session.transcript = session.transcript ?? envelope.payload?.text;
    this.#render(session);
  }

  #trim() {
    $('#sessions .empty')?.remove();
    const ids = [...this.#sessions.keys()];
    for (const id of ids.slice(0, Math.max(0, ids.length - KEEP))) {
      this.#sessions.get(id).card.remove();
      this.#sessions.delete(id);
    }
  }

  #renderEmpty() {
    $('#sessions').append(h('div', { class: 'empty', text: 'No conversations yet. Ask something above, or say the wake word to a satellite.' }));
  }

  #render(session) {
    const ended = session.reason !== undefined;
    const reasonKind = !ended ? 'accent' : session.reason === 'nominal' ? 'online' : session.reason === 'error' ? 'error' : 'degraded';
    session.card.dataset.state = ended ? 'ended' : 'active';
    fill(session.card,
      h('div', { class: 'session-head' },
        h('span', { class: 'badge plain accent', text: session.site ?? 'site?' }),
        session.mode ? h('span', { class: 'badge plain', text: session.mode }) : null,
        h('span', { class: `badge ${reasonKind}`, dataset: { role: 'reason' }, text: ended ? session.reason.replace('_', ' ') : 'in progress' }),
        session.intent ? h('span', { class: 'badge plain', dataset: { role: 'intent' }, text: session.intent }) : null,
        h('span', { class: 'when', text: fmt.time(session.startedAt) })),
      h('div', { class: 'session-lines' },
        h('div', { class: 'bubble you' }, h('span', { class: 'who', text: 'Heard' }),
          h('span', { dataset: { role: 'transcript' }, text: session.transcript ?? (ended ? '(nothing)' : '…') })),
        session.reply ? h('div', { class: 'bubble alicia' }, h('span', { class: 'who', text: 'Alicia' }),
          h('span', { dataset: { role: 'reply' }, text: session.reply })) : null,
        slotsLine(session)),
      ended ? stagesOf(session.stages) : null);
  }
}

function slotsLine(session) {
  const slots = session.slots ?? [];
  if (!slots.length && !Number.isFinite(session.confidence)) return null;
  const parts = slots.map(s => `${s.name} = ${s.value}`);
  if (Number.isFinite(session.confidence) && session.recognized) parts.push(`confidence ${(session.confidence * 100).toFixed(0)} %`);
  return parts.length ? h('span', { class: 'muted', text: parts.join(' · ') }) : null;
}

/** A stacked bar of the stage times (total left out: it is the sum), with a legend. */
function stagesOf(stageMs) {
  const entries = Object.entries(stageMs ?? {}).filter(([name, ms]) => name !== 'total' && Number.isFinite(ms) && ms >= 0);
  if (!entries.length) return null;
  entries.sort(([a], [b]) => rank(a) - rank(b));
  const sum = entries.reduce((total, [, ms]) => total + ms, 0) || 1;
  const total = Number.isFinite(stageMs.total) ? stageMs.total : sum;
  return h('div', { class: 'stages', dataset: { role: 'stages' } },
    h('div', { class: 'stage-bar', role: 'img', 'aria-label': `stage timings, ${fmt.milliseconds(total)} in total` },
      entries.map(([name, ms], i) => h('span', { class: `stage-${i % 6}`, style: { width: `${(100 * ms / sum).toFixed(2)}%` }, title: `${name} ${fmt.milliseconds(ms)}` }))),
    h('div', { class: 'stage-legend' },
      entries.map(([name, ms], i) => h('span', {}, h('i', { class: `stage-${i % 6}` }), `${name.replace('_', ' ')} ${fmt.milliseconds(ms)}`)),
      h('strong', { text: `total ${fmt.milliseconds(total)}` })));
}

function rank(stage) {
  const index = STAGE_ORDER.indexOf(stage);
  return index < 0 ? STAGE_ORDER.length : index;
}
