// The login form. Credentials live in sessionStorage only: they survive a reload of this tab and
// are gone when it closes; nothing is written to disk or sent anywhere but the broker.

import { $ } from './dom.js';
import { LoginError } from './bus.js';

const STORAGE_KEY = 'alicia.login';
const DEFAULTS = { broker_url: 'ws://127.0.0.1:9001/mqtt', user: 'dashboard' };

export class Login {
  #bus;
  #onSignedIn;

  constructor(bus, onSignedIn) {
    this.#bus = bus;
    this.#onSignedIn = onSignedIn;
    $('#login-form').addEventListener('submit', event => {
      event.preventDefault();
      this.#submit();
    });
  }

  /** Fills the form (saved login, else the server's defaults) and signs in at once when a login was saved. */
  async start() {
    const saved = readSaved();
    const defaults = saved ? null : await fetchDefaults();
    $('#login-url').value = saved?.url ?? defaults.broker_url;
    $('#login-user').value = saved?.user ?? defaults.user;
    $('#login-password').value = saved?.password ?? '';
    if (saved) await this.#submit();
    else $('#login-password').focus();
  }

  signOut() {
    sessionStorage.removeItem(STORAGE_KEY);
    this.#bus.disconnect();
    // A fresh page is the simplest way to forget every view's state.
    location.reload();
  }

  async #submit() {
    const credentials = {
      url: $('#login-url').value.trim(),
      user: $('#login-user').value.trim(),
      password: $('#login-password').value,
    };
    if (!credentials.url || !credentials.user || !credentials.password) {
      this.#showError('Enter the broker address, the user and the password.');
      return;
    }
    const button = $('#login-submit');
    button.disabled = true;
    button.textContent = 'Connecting…';
    this.#showError('');
    try {
      await this.#bus.connect(credentials);
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(credentials));
      this.#onSignedIn(credentials);
    } catch (err) {
      sessionStorage.removeItem(STORAGE_KEY);
      this.#showError(err instanceof LoginError ? err.message : `Could not connect: ${err.message}`);
      $('#login-password').select();
    } finally {
      button.disabled = false;
      button.textContent = 'Connect';
    }
  }

  #showError(message) {
    const box = $('#login-error');
    box.textContent = message;
    box.hidden = !message;
  }
}

function readSaved() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    return saved?.url && saved?.user && saved?.password ? saved : null;
  } catch {
    return null;
  }
}

async function fetchDefaults() {
  try {
    const response = await fetch('config.json', { cache: 'no-store' });
    return response.ok ? { ...DEFAULTS, ...(await response.json()) } : DEFAULTS;
  } catch {
    return DEFAULTS;
  }
}
