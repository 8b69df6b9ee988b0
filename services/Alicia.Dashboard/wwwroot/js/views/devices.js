// Devices: the retained list (alicia/devices/list) grouped by area, each with its retained state.

import { $, h } from '../dom.js';
import { lastLevel } from '../topic-filter.js';
import { DeviceCard } from './device-card.js';

export class DevicesView {
  #bus;
  #cards = new Map();  // id -> DeviceCard
  #states = new Map(); // id -> DeviceState (may arrive before the list)
  #devices = [];
  #listSeen = false;

  constructor(bus) {
    this.#bus = bus;
    bus.on('alicia/devices/list', m => this.#onList(m));
    bus.on('alicia/devices/state/+', m => this.#onState(m));
    this.#layout();
  }

  #onList({ envelope }) {
    this.#listSeen = true;
    this.#devices = envelope?.payload?.devices ?? [];
    const ids = new Set(this.#devices.map(d => d.id));
    for (const [id, card] of this.#cards) {
      if (!ids.has(id)) this.#cards.delete(id);
      card.element.remove();
    }
    for (const info of this.#devices) {
      const card = this.#cards.get(info.id);
      if (card) card.update(info);
      else this.#cards.set(info.id, new DeviceCard(this.#bus, info));
      const state = this.#states.get(info.id);
      if (state) this.#cards.get(info.id).setState(state);
    }
    this.#layout();
  }

  #onState({ topic, envelope }) {
    const id = lastLevel(topic);
    if (!envelope) {
      this.#states.delete(id);
      return;
    }
    this.#states.set(id, envelope.payload);
    this.#cards.get(id)?.setState(envelope.payload);
  }

  /** Cards grouped by area (areas and names sorted; devices without an area last). */
  #layout() {
    const areas = new Map();
    for (const info of [...this.#devices].sort((a, b) => a.name.localeCompare(b.name))) {
      const area = info.area || 'Other';
      if (!areas.has(area)) areas.set(area, []);
      areas.get(area).push(this.#cards.get(info.id).element);
    }
    const names = [...areas.keys()].sort((a, b) => (a === 'Other') - (b === 'Other') || a.localeCompare(b));
    const root = $('#devices');
    root.replaceChildren(...names.map(area => h('section', { class: 'card area', dataset: { area } },
      h('h3', { class: 'area-title', text: area }),
      areas.get(area))));
    if (this.#devices.length === 0) {
      root.append(h('div', { class: 'empty', text: this.#listSeen ? 'The registry has no devices yet.' : 'Waiting for the device registry…' }));
    }
    $('#devices-summary').textContent = this.#devices.length === 0
      ? (this.#listSeen ? 'No devices yet.' : 'Waiting for the device list…')
      : `${this.#devices.length} device${this.#devices.length === 1 ? '' : 's'} in ${names.length} area${names.length === 1 ? '' : 's'}`;
  }
}
