// The dashboard's one connection to the broker: MQTT 5 over websockets with mqtt.js
// (wwwroot/lib/mqtt.min.js, installed from the npm lock file at build time).

import { createEnvelope, parseEnvelope, uuid } from './envelope.js';
import { matches } from './topic-filter.js';

const CONNECT_TIMEOUT_MS = 8000;
const RECONNECT_PERIOD_MS = 2000;
const COMMAND_ATTEMPT_MS = 4000;
const COMMAND_ATTEMPTS = 3;

/** Why a login failed, in words a person can act on. */
export class LoginError extends Error {}

export class Bus {
  #client = null;
  #handlers = [];
  #statusListeners = [];
  #pending = new Map();
  #replyTopic = '';

  /** Who published: the broker user, which is also the envelope's source. */
  user = '';
  url = '';

  /**
   * Connects and subscribes to everything under alicia/. Resolves once the broker accepted us;
   * rejects with a LoginError saying whether the broker refused the credentials or could not be reached.
   */
  connect({ url, user, password }) {
    if (!globalThis.mqtt) throw new LoginError('The MQTT client script (lib/mqtt.min.js) did not load. Rebuild the dashboard.');
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      throw new LoginError(`"${url}" is not an address. Use one like ws://127.0.0.1:9001/mqtt.`);
    }
    if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') {
      throw new LoginError(`The broker address must start with ws:// or wss://, not ${parsed.protocol}//.`);
    }

    this.user = user;
    this.url = url;
    // A fresh reply topic per page load: replies to this tab's commands and nobody else's.
    this.#replyTopic = `alicia/reply/dashboard/${uuid().slice(0, 8)}`;

    return new Promise((resolve, reject) => {
      let settled = false;
      const client = globalThis.mqtt.connect(url, {
        protocolVersion: 5,
        username: user,
        password,
        clientId: `dashboard-${uuid().slice(0, 12)}`,
        clean: true,
        keepalive: 30,
        connectTimeout: CONNECT_TIMEOUT_MS,
        reconnectPeriod: RECONNECT_PERIOD_MS,
        resubscribe: true,
      });
      this.#client = client;

      const fail = message => {
        if (settled) return;
        settled = true;
        client.end(true);
        this.#client = null;
        reject(new LoginError(message));
      };

      client.on('connect', () => {
        this.#setStatus('connected');
        client.subscribe('alicia/#', { qos: 1 }, err => {
          if (settled) return;
          if (err) {
            fail(`Connected, but the subscription to alicia/# failed: ${err.message}`);
            return;
          }
          settled = true;
          resolve();
        });
      });
      client.on('error', err => {
        if (settled) {
          this.#setStatus('offline');
        } else if (err && [4, 5, 134, 135].includes(err.code)) {
          fail(`The broker refused user "${user}": wrong user name or password.`);
        } else {
          fail(`The broker did not accept the connection: ${err?.message ?? 'unknown error'}.`);
        }
      });
      // Before the first CONNACK a closed socket means nothing listens there (or it is not a websocket broker).
      client.on('close', () => {
        if (!settled) {
          fail(`Cannot reach the broker at ${url}. Is Alicia running, and is this the websocket address (port 9001 by default)?`);
        } else {
          this.#setStatus('reconnecting');
        }
      });
      client.on('offline', () => settled && this.#setStatus('offline'));
      client.on('reconnect', () => settled && this.#setStatus('reconnecting'));
      client.on('message', (topic, payload, packet) => this.#dispatch(topic, payload, packet));
    });
  }

  disconnect() {
    for (const pending of this.#pending.values()) pending.reject(new Error('signed out'));
    this.#pending.clear();
    this.#client?.end(true);
    this.#client = null;
  }

  /** Calls handler(message) for every message whose topic matches filter. Returns an unsubscribe function. */
  on(filter, handler) {
    const entry = { filter, handler };
    this.#handlers.push(entry);
    return () => { this.#handlers = this.#handlers.filter(e => e !== entry); };
  }

  onStatus(listener) {
    this.#statusListeners.push(listener);
  }

  /** Publishes an event envelope (QoS 1, so a refusal by the ACL comes back as an error). */
  publish(topic, payload, options = {}) {
    const envelope = createEnvelope(this.user, payload, options);
    return this.#publishRaw(topic, JSON.stringify(envelope), { qos: 1 }).then(() => envelope);
  }

  /** Raw bytes (audio frames): QoS 0, fire and forget, like every other audio source. */
  publishBinary(topic, bytes) {
    this.#client?.publish(topic, bytes, { qos: 0 });
  }

  /**
   * Sends a command envelope with an MQTT 5 response topic and correlation data, and resolves with the
   * Reply payload ({ok, result, error, retryable}). Retried with the same message id (receivers are
   * idempotent) when no answer comes; rejects when nobody answers at all.
   */
  async command(topic, payload, { destination = 'broadcast', priority = 'interactive', ttl = 30 } = {}) {
    const envelope = createEnvelope(this.user, payload, { type: 'command', priority, ttl, destination });
    const id = envelope.message_id;
    const body = JSON.stringify(envelope);
    try {
      for (let attempt = 1; attempt <= COMMAND_ATTEMPTS; attempt++) {
        // A late answer to an earlier attempt settles this one just as well: same message id.
        const answer = new Promise((resolve, reject) => this.#pending.set(id, { resolve, reject }));
        await this.#publishRaw(topic, body, {
          qos: 1,
          properties: {
            responseTopic: this.#replyTopic,
            correlationData: new TextEncoder().encode(id),
            contentType: 'application/json',
          },
        });
        const reply = await Promise.race([answer, delay(COMMAND_ATTEMPT_MS * attempt)]);
        if (reply === undefined) continue;
        if (!reply.ok && reply.retryable && attempt < COMMAND_ATTEMPTS) {
          await delay(250 * attempt);
          continue;
        }
        return reply;
      }
      throw new Error(`no answer from ${destination === 'broadcast' ? 'any service' : destination}`);
    } finally {
      this.#pending.delete(id);
    }
  }

  #publishRaw(topic, body, options) {
    return new Promise((resolve, reject) => {
      if (!this.#client) {
        reject(new Error('not connected'));
        return;
      }
      this.#client.publish(topic, body, options, err => {
        if (err) reject(new Error(err.code === 135 ? `not allowed to publish on ${topic}` : err.message));
        else resolve();
      });
    });
  }

  #dispatch(topic, payload, packet) {
    const message = {
      topic,
      bytes: payload,
      envelope: parseEnvelope(payload),
      retained: Boolean(packet.retain),
      receivedAt: Date.now() / 1000,
    };
    if (topic === this.#replyTopic && message.envelope) this.#resolveReply(message, packet);
    for (const { filter, handler } of this.#handlers) {
      if (!matches(filter, topic)) continue;
      try {
        handler(message);
      } catch (err) {
        // One broken view must not stop the others from updating.
        console.warn(`handler for ${filter} failed on ${topic}:`, err);
      }
    }
  }

  #resolveReply(message, packet) {
    const data = packet.properties?.correlationData;
    const id = data ? new TextDecoder().decode(data) : message.envelope.correlation_id;
    this.#pending.get(id)?.resolve(message.envelope.payload ?? { ok: false, error: 'empty reply' });
  }

  #setStatus(status) {
    for (const listener of this.#statusListeners) listener(status);
  }
}

function delay(ms) {
  return new Promise(resolve => setTimeout(() => resolve(undefined), ms));
}
