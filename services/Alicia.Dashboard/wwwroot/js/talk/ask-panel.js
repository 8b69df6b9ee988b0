// Talking to Alicia from this browser, as the site "browser": a text question or push-to-talk audio.
// Both ask the voice router for a session (SessionStart on alicia/voice/session/browser/start); the
// answer comes back as the session's end, the AI's response and the spoken reply's WAV.

import { $ } from '../dom.js';
import * as fmt from '../format.js';
import { Microphone } from './microphone.js';
import { ReplyPlayer } from './reply-player.js';

const SITE = 'browser';
const START_TOPIC = `alicia/voice/session/${SITE}/start`;
const FRAME_TOPIC = `alicia/voice/audio/${SITE}/frame`;
const NO_SESSION_AFTER_MS = 10000;
const NO_END_AFTER_MS = 30000;
// Frames captured before the router opened the session are held, then sent, so no speech is lost.
const HOLD_FRAMES_UNTIL_STARTED_MS = 1500;
// After the button is released: half a second of silence so the router's VAD sees the end of speech.
const TRAILING_SILENCE_FRAMES = 25;

export class AskPanel {
  #bus;
  #microphone = new Microphone();
  #player = new ReplyPlayer();
  #turn = null; // { question, askedAt, sessionId, ended, timers }
  #held = [];
  #streaming = false;

  constructor(bus) {
    this.#bus = bus;
    bus.on(`alicia/voice/session/${SITE}/started`, m => this.#onStarted(m.envelope));
    bus.on('alicia/voice/ai/response', m => this.#onAiResponse(m.envelope));
    bus.on(`alicia/voice/session/${SITE}/ended`, m => this.#onEnded(m.envelope));
    bus.on(`alicia/voice/tts/audio/${SITE}`, m => this.#onReplyAudio(m.bytes));

    $('#ask-form').addEventListener('submit', event => {
      event.preventDefault();
      this.#askInWriting();
    });
    $('#ask-reply-play').addEventListener('click', () => this.#player.replay());
    this.#wireTalkButton($('#talk'));
  }

  async #askInWriting() {
    const input = $('#ask-text');
    const text = input.value.trim();
    if (!text) {
      input.focus();
      return;
    }
    this.#beginTurn(text);
    try {
      await this.#requestSession(text);
      input.value = '';
    } catch (err) {
      this.#fail(`Could not ask: ${err.message}`);
    }
  }

  #requestSession(text) {
    return this.#bus.publish(START_TOPIC, { text }, { priority: 'interactive', siteId: SITE });
  }

  // ---- push-to-talk ------------------------------------------------------------------------------

  #wireTalkButton(button) {
    const press = event => {
      if (event.button !== undefined && event.button !== 0) return;
      event.preventDefault();
      button.setPointerCapture?.(event.pointerId);
      this.#startTalking();
    };
    const release = () => this.#stopTalking();
    button.addEventListener('pointerdown', press);
    button.addEventListener('pointerup', release);
    button.addEventListener('pointercancel', release);
    button.addEventListener('keydown', event => {
      if ((event.key === ' ' || event.key === 'Enter') && !event.repeat) {
        event.preventDefault();
        this.#startTalking();
      }
    });
    button.addEventListener('keyup', event => {
      if (event.key === ' ' || event.key === 'Enter') this.#stopTalking();
    });
    button.addEventListener('contextmenu', event => event.preventDefault());
  }

  async #startTalking() {
    if (this.#microphone.active || this.#streaming) return;
    this.#streaming = true;
    this.#held = [];
    this.#setTalking(true);
    this.#beginTurn(null);
    this.#status('Listening… release the button when you are done.');
    try {
      await this.#microphone.start(frame => this.#onFrame(frame));
      await this.#requestSession(null);
      // If the router is slow to confirm, stream anyway rather than hold the user's words forever.
      this.#turn.timers.push(setTimeout(() => this.#flushHeld(), HOLD_FRAMES_UNTIL_STARTED_MS));
    } catch (err) {
      this.#streaming = false;
      this.#setTalking(false);
      await this.#microphone.stop();
      this.#fail(err.message);
    }
  }

  async #stopTalking() {
    if (!this.#streaming) return;
    this.#streaming = false;
    this.#setTalking(false);
    await this.#microphone.stop();
    this.#flushHeld();
    for (let i = 0; i < TRAILING_SILENCE_FRAMES; i++) this.#bus.publishBinary(FRAME_TOPIC, new Uint8Array(640));
    if (this.#turn && !this.#turn.ended) this.#status('Thinking…');
  }

  #onFrame(frame) {
    if (!this.#streaming) return;
    if (this.#held) this.#held.push(frame);
    else this.#bus.publishBinary(FRAME_TOPIC, frame);
  }

  /** Sends the frames held while waiting for the session, then streams live. */
  #flushHeld() {
    const held = this.#held;
    this.#held = null;
    for (const frame of held ?? []) this.#bus.publishBinary(FRAME_TOPIC, frame);
  }

  #setTalking(on) {
    const button = $('#talk');
    button.setAttribute('aria-pressed', String(on));
    $('#talk-label').textContent = on ? 'Listening…' : 'Hold to talk';
  }

  // ---- the answer --------------------------------------------------------------------------------

  #beginTurn(question) {
    this.#endTurn();
    this.#turn = { question, askedAt: Date.now(), sessionId: null, ended: false, timers: [] };
    $('#ask-reply').hidden = question === null;
    $('#ask-reply-question').textContent = question ?? '';
    $('#ask-reply-text').textContent = '…';
    $('#ask-reply-play').hidden = true;
    if (question !== null) this.#status('Asking…');
    this.#turn.timers.push(setTimeout(() => {
      if (this.#turn && !this.#turn.sessionId) this.#fail('No answer from the voice router. Is Alicia running? (Health shows which services are up.)');
    }, NO_SESSION_AFTER_MS));
    this.#turn.timers.push(setTimeout(() => {
      if (this.#turn && !this.#turn.ended && !this.#streaming) this.#fail('The session did not finish in time.');
    }, NO_END_AFTER_MS));
  }

  #endTurn() {
    for (const timer of this.#turn?.timers ?? []) clearTimeout(timer);
  }

  #onStarted(envelope) {
    const turn = this.#turn;
    if (!turn || turn.sessionId || !envelope?.payload?.session_id) return;
    turn.sessionId = envelope.payload.session_id;
    if (this.#held) this.#flushHeld();
  }

  #onAiResponse(envelope) {
    const turn = this.#turn;
    if (!turn?.sessionId || envelope?.session_id !== turn.sessionId) return;
    const ai = envelope.payload;
    if (turn.question === null && ai?.text) this.#showQuestion(ai.text);
    if (ai?.reply) $('#ask-reply-text').textContent = ai.reply;
  }

  #onEnded(envelope) {
    const turn = this.#turn;
    const ended = envelope?.payload;
    if (!turn || !ended || ended.session_id !== turn.sessionId) return;
    turn.ended = true;
    this.#endTurn();
    if (turn.question === null) this.#showQuestion(ended.transcript ?? '(nothing heard)');
    const reply = ended.reply || $('#ask-reply-text').textContent;
    $('#ask-reply-text').textContent = reply && reply !== '…' ? reply : 'No reply.';
    const total = ended.stage_ms?.total;
    const how = ended.reason === 'nominal' ? 'Answered' : `Ended: ${ended.reason.replace('_', ' ')}`;
    this.#status(Number.isFinite(total) ? `${how} in ${fmt.milliseconds(total)}.` : `${how}.`, ended.reason === 'error');
  }

  async #onReplyAudio(bytes) {
    // Only the reply to a question from this tab plays by itself; other browser-site audio stays quiet.
    const turn = this.#turn;
    if (!turn || Date.now() - turn.askedAt > 60000 || !bytes?.length) return;
    const playing = await this.#player.play(bytes);
    const button = $('#ask-reply-play');
    button.hidden = false;
    button.textContent = playing ? 'Play again' : 'Play reply';
    button.dataset.replyAudio = String(bytes.length);
  }

  #showQuestion(text) {
    $('#ask-reply').hidden = false;
    $('#ask-reply-question').textContent = text;
  }

  #status(text, error = false) {
    const status = $('#ask-status');
    status.textContent = text;
    status.classList.toggle('error', error);
  }

  #fail(message) {
    this.#endTurn();
    if (this.#turn) this.#turn.ended = true;
    this.#status(message, true);
  }
}
