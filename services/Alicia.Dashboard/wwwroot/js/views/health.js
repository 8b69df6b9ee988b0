// Service health: one card per service from the retained alicia/system/health/{service} reports,
// enriched by the health monitor's summary (errors per minute, alerts) and its live alerts.

import { $, fill, h } from '../dom.js';
import * as fmt from '../format.js';
import { lastLevel } from '../topic-filter.js';

// Levels under alicia/system/health/ that are not services.
const NOT_SERVICES = new Set(['summary', 'check']);
// A service that says "online" but has not reported for this many intervals is shown as silent.
const SILENT_AFTER_INTERVALS = 3;

export class HealthView {
  #services = new Map(); // name -> { report, receivedAt, sentAt, summary }
  #alerts = new Map();   // alert id -> alert
  #cards = new Map();    // name -> card element
  #bus;

  constructor(bus) {
    this.#bus = bus;
    bus.on('alicia/system/health/+', m => this.#onHealth(m));
    bus.on('alicia/monitoring/alerts', m => this.#onAlert(m));
    $('#health-refresh').addEventListener('click', () => this.#refresh());
    // Uptimes tick and "last seen" ages grow without any message arriving.
    setInterval(() => this.#render(), 1000);
  }

  #onHealth({ topic, envelope }) {
    const name = lastLevel(topic);
    if (!envelope) {
      if (!NOT_SERVICES.has(name)) this.#services.delete(name); // an empty retained message clears a service
      this.#render();
      return;
    }
    if (name === 'summary') {
      this.#onSummary(envelope.payload);
    } else if (!NOT_SERVICES.has(name)) {
      const entry = this.#services.get(name) ?? {};
      entry.report = envelope.payload;
      entry.sentAt = envelope.timestamp;
      this.#services.set(name, entry);
    }
    this.#render();
  }

  #onSummary(summary) {
    for (const status of summary?.services ?? []) {
      const entry = this.#services.get(status.service) ?? {};
      entry.summary = status;
      // The summary also knows services whose own retained report we have not seen (yet).
      if (!entry.report) {
        entry.report = status;
        entry.sentAt = status.last_seen;
      }
      this.#services.set(status.service, entry);
    }
    for (const alert of summary?.active_alerts ?? []) this.#alerts.set(alert.id, alert);
  }

  #onAlert({ envelope }) {
    const alert = envelope?.payload;
    if (!alert?.id) return;
    if (alert.active) this.#alerts.set(alert.id, alert);
    else this.#alerts.delete(alert.id);
    this.#render();
  }

  async #refresh() {
    const button = $('#health-refresh');
    button.disabled = true;
    try {
      await this.#bus.publish('alicia/system/health/check', {}, { priority: 'system' });
    } catch (err) {
      console.warn('health check failed', err);
    } finally {
      setTimeout(() => { button.disabled = false; }, 800);
    }
  }

  /** online, degraded, offline, or silent (says online but stopped reporting). */
  #statusOf(entry, now) {
    const status = entry.report?.status ?? 'offline';
    const interval = entry.report?.interval_seconds || 10;
    if (status !== 'offline' && Number.isFinite(entry.sentAt) && now - entry.sentAt > SILENT_AFTER_INTERVALS * interval) return 'silent';
    return status;
  }

  #render() {
    const now = Date.now() / 1000;
    const names = [...this.#services.keys()].sort();
    const grid = $('#services');
    let online = 0;
    if (names.length > 0) grid.querySelector('.empty')?.remove();
    for (const name of names) {
      const entry = this.#services.get(name);
      const status = this.#statusOf(entry, now);
      if (status === 'online') online++;
      let card = this.#cards.get(name);
      if (!card) {
        card = h('article', { class: 'card service', dataset: { service: name } });
        this.#cards.set(name, card);
      }
      // The status badge already says offline; the card lists only the other alerts.
      fillCard(card, name, entry, status, now, this.#alertsFor(name).filter(a => !(a.kind === 'offline' && status === 'offline')));
      if (grid.children[names.indexOf(name)] !== card) grid.insertBefore(card, grid.children[names.indexOf(name)] ?? null);
    }
    for (const [name, card] of this.#cards) {
      if (!this.#services.has(name)) {
        card.remove();
        this.#cards.delete(name);
      }
    }
    if (names.length === 0 && !grid.firstChild) {
      grid.append(h('div', { class: 'empty', text: 'No service has reported yet. Is Alicia running?' }));
    }

    const alerts = [...this.#alerts.values()].sort((a, b) => b.raised_at - a.raised_at);
    $('#health-summary').textContent = names.length === 0
      ? 'Waiting for the services to report…'
      : `${online} of ${names.length} services online` + (alerts.length ? ` · ${alerts.length} active alert${alerts.length === 1 ? '' : 's'}` : ' · no alerts');
    this.#renderAlerts(alerts, now);
  }

  #alertsFor(name) {
    return [...this.#alerts.values()].filter(a => a.service === name);
  }

  #renderAlerts(alerts, now) {
    const box = $('#alerts');
    box.hidden = alerts.length === 0;
    box.replaceChildren(...alerts.map(alert => h('div', { class: `alert ${alert.severity}`, role: 'status' },
      h('span', { class: `badge ${alert.severity}`, text: alert.severity }),
      h('span', {}, h('strong', { text: fmt.title(alert.service) }), ' — ', alert.message),
      h('span', { class: 'when', text: fmt.ago(alert.raised_at, now) }))));
  }
}

function fillCard(card, name, entry, status, now, alerts) {
  const report = entry.report ?? {};
  const summary = entry.summary;
  const up = status === 'online' || status === 'degraded' || status === 'silent';
  // The report's uptime was true when it was sent; count on from there while the service is up.
  const uptime = up && Number.isFinite(entry.sentAt) ? report.uptime_seconds + Math.max(0, now - entry.sentAt) : null;
  const errorsPerMinute = summary?.errors_per_minute;
  card.dataset.status = status;
  fill(card,
    h('div', { class: 'service-head' },
      h('h3', { text: fmt.title(name) }),
      h('span', { class: `badge ${status}`, dataset: { role: 'status' }, text: status })),
    h('dl', { class: 'stats' },
      stat('Uptime', uptime === null ? '—' : fmt.duration(uptime)),
      stat('Messages', fmt.count(report.messages_processed)),
      stat('Errors', fmt.count(report.errors), report.errors > 0),
      stat(errorsPerMinute === undefined ? 'Queue' : 'Errors / min',
        errorsPerMinute === undefined ? fmt.count(report.queue_depth ?? 0) : errorsPerMinute.toFixed(1), errorsPerMinute > 0)),
    alerts.length ? h('div', { class: 'service-alerts' }, alerts.map(a => h('span', { class: `badge ${a.severity}`, text: a.kind.replace('_', ' ') }))) : null,
    h('div', { class: 'service-foot' },
      h('span', { text: report.version ? `v${report.version}` : '' }),
      h('span', { text: `seen ${fmt.ago(entry.sentAt, now)}` })));
}

function stat(label, value, bad = false) {
  return h('div', {}, h('dt', { text: label }), h('dd', { class: bad ? 'bad' : '', text: value }));
}
