// One device: its state from alicia/devices/state/{id}, and the controls its type allows. Every
// control sends a DeviceCommand to alicia/devices/control/{id} and shows the registry's answer.

import { fill, h, icon } from '../dom.js';
import { icons } from '../icons.js';

const ON_STATES = new Set(['on', 'open', 'opening', 'unlocked', 'heat', 'heating', 'true']);
const SWITCHABLE = new Set(['light', 'switch']);
// The state in which an action's button has nothing left to do.
const ALREADY = { lock: 'locked', unlock: 'unlocked', open: 'open', close: 'closed' };

export class DeviceCard {
  element;
  #bus;
  #info;
  #state = null;
  #parts = {};
  #resultTimer = 0;

  constructor(bus, info) {
    this.#bus = bus;
    this.element = h('article', { class: 'device', dataset: { device: info.id } });
    this.update(info);
  }

  /** A new DeviceInfo (name, type, area, dimmable may change): rebuild the controls. */
  update(info) {
    this.#info = info;
    this.#build();
    if (this.#state) this.setState(this.#state);
  }

  setState(state) {
    this.#state = state;
    const p = this.#parts;
    const value = state?.state ?? 'unknown';
    p.state.textContent = describe(this.#info, state);
    this.element.dataset.state = value;
    this.element.dataset.active = String(ON_STATES.has(String(value).toLowerCase()));
    if (p.toggle && p.toggle.getAttribute('aria-busy') !== 'true') {
      p.toggle.setAttribute('aria-checked', String(value === 'on'));
    }
    // A button for the state the device is already in would do nothing: offer only the other one.
    for (const button of this.element.querySelectorAll('button[data-action]')) {
      button.disabled = ALREADY[button.dataset.action] === String(value).toLowerCase();
    }
    // Never move a slider under the user's finger.
    if (p.brightness && !p.brightness.matches(':active') && Number.isFinite(state?.brightness)) {
      p.brightness.value = String(state.brightness);
      p.brightnessOut.value = `${Math.round(state.brightness)} %`;
    }
    if (p.target && !p.target.matches(':active') && Number.isFinite(state?.target_temperature)) {
      p.target.value = String(state.target_temperature);
      p.targetOut.value = `${state.target_temperature} °C`;
    }
  }

  #build() {
    const info = this.#info;
    const p = this.#parts = {};
    const type = info.type ?? 'switch';
    p.state = h('p', { class: 'device-state', dataset: { role: 'state' } });
    p.result = h('div', { class: 'device-result', dataset: { role: 'result' }, 'aria-live': 'polite' });

    const controls = [];
    if (SWITCHABLE.has(type)) {
      p.toggle = h('button', {
        class: 'switch', type: 'button', role: 'switch', 'aria-checked': 'false',
        'aria-label': `${info.name} on or off`, dataset: { role: 'toggle' },
        onclick: () => this.#toggle(),
      });
    }
    if (type === 'light' && info.dimmable) {
      p.brightness = h('input', { type: 'range', min: 0, max: 100, step: 1, value: 0, 'aria-label': `${info.name} brightness`, dataset: { role: 'brightness' } });
      p.brightnessOut = h('output', { text: '—' });
      p.brightness.addEventListener('input', () => { p.brightnessOut.value = `${p.brightness.value} %`; });
      p.brightness.addEventListener('change', () => this.#send('set_brightness', Number(p.brightness.value)));
      controls.push(h('label', { class: 'range' }, h('span', { text: 'Brightness' }), p.brightness, p.brightnessOut));
    }
    if (type === 'climate') {
      p.target = h('input', { type: 'range', min: 10, max: 30, step: 0.5, value: 20, 'aria-label': `${info.name} target temperature`, dataset: { role: 'target' } });
      p.targetOut = h('output', { text: '—' });
      p.target.addEventListener('input', () => { p.targetOut.value = `${p.target.value} °C`; });
      p.target.addEventListener('change', () => this.#send('set_temperature', Number(p.target.value)));
      controls.push(h('label', { class: 'range' }, h('span', { text: 'Target' }), p.target, p.targetOut));
    }
    if (type === 'cover') controls.push(this.#actionButton('Open', 'open'), this.#actionButton('Close', 'close'));
    if (type === 'lock') controls.push(this.#actionButton('Lock', 'lock'), this.#actionButton('Unlock', 'unlock'));

    // One row: icon, name and state, and the main control at the end; a slider goes on a line of its own.
    const buttons = controls.filter(c => c.tagName === 'BUTTON');
    const ranges = controls.filter(c => c.tagName !== 'BUTTON');
    fill(this.element,
      h('div', { class: 'device-head' },
        h('div', { class: 'device-icon' }, icon(icons[type] ?? icons.switch)),
        h('div', { class: 'device-name' }, h('h4', { text: info.name }), p.state),
        p.toggle ?? null,
        buttons.length ? h('div', { class: 'device-buttons' }, buttons) : null),
      ranges,
      p.result);
  }

  #actionButton(label, action) {
    return h('button', { class: 'button small', type: 'button', dataset: { action }, text: label, onclick: () => this.#send(action) });
  }

  #toggle() {
    const toggle = this.#parts.toggle;
    const wasOn = toggle.getAttribute('aria-checked') === 'true';
    toggle.setAttribute('aria-checked', String(!wasOn)); // show the intent at once; the state topic confirms it
    toggle.setAttribute('aria-busy', 'true');
    this.#send(wasOn ? 'turn_off' : 'turn_on').then(ok => {
      toggle.removeAttribute('aria-busy');
      if (!ok) toggle.setAttribute('aria-checked', String(wasOn));
      else if (this.#state) this.setState(this.#state);
    });
  }

  /** Sends one command; resolves true when the registry answered ok. */
  async #send(action, value = null) {
    const id = this.#info.id;
    this.#showResult('Sending…', '');
    try {
      const reply = await this.#bus.command(`alicia/devices/control/${id}`, { device_id: id, action, value }, { destination: 'device-registry' });
      // The reply carries a CommandResult: the registry may accept the message and still fail the device.
      const result = reply.result ?? {};
      if (reply.ok && result.ok !== false) {
        this.#showResult('Done', 'ok', 2500);
        if (result.state && typeof result.state === 'object') this.setState(result.state);
        return true;
      }
      this.#showResult(`Failed: ${reply.error ?? result.error ?? 'the registry refused'}`, 'error');
    } catch (err) {
      this.#showResult(`Failed: ${err.message}`, 'error');
    }
    return false;
  }

  #showResult(text, kind, clearAfterMs = 0) {
    const result = this.#parts.result;
    clearTimeout(this.#resultTimer);
    result.textContent = text;
    result.className = `device-result ${kind}`;
    if (clearAfterMs) this.#resultTimer = setTimeout(() => { result.textContent = ''; }, clearAfterMs);
  }
}

/** "On · 60 %", "20.5 °C · target 21 °C", "Locked". */
function describe(info, state) {
  if (!state) return 'Unknown';
  const parts = [];
  // A thermostat's "state" is often just unknown; its temperatures say more.
  const known = state.state && state.state !== 'unknown';
  if (known || !(Number.isFinite(state.temperature) || Number.isFinite(state.target_temperature))) parts.push(capitalize(String(state.state ?? 'unknown')));
  if (info.type === 'light' && info.dimmable && state.state === 'on' && Number.isFinite(state.brightness)) parts.push(`${Math.round(state.brightness)} %`);
  if (Number.isFinite(state.temperature)) parts.push(`${state.temperature} °C`);
  if (Number.isFinite(state.target_temperature)) parts.push(`target ${state.target_temperature} °C`);
  return parts.join(' · ');
}

function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
