// Entry point: sign in, then four views over one broker connection.

import { $, toast } from './dom.js';
import { Bus } from './bus.js';
import { Login } from './login.js';
import { HealthView } from './views/health.js';
import { DevicesView } from './views/devices.js';
import { ConversationsView } from './views/conversations.js';
import { StreamView } from './views/stream.js';
import { AskPanel } from './talk/ask-panel.js';

const VIEWS = ['health', 'devices', 'conversations', 'messages'];
const CONNECTION_TEXT = { connected: 'Connected', reconnecting: 'Reconnecting…', offline: 'Offline' };

const bus = new Bus();
// Views subscribe before connecting, so the retained messages delivered on subscribe reach them.
new HealthView(bus);
new DevicesView(bus);
new ConversationsView(bus);
new StreamView(bus);
new AskPanel(bus);

const login = new Login(bus, ({ user, url }) => {
  $('#identity').textContent = `${user} @ ${new URL(url).host}`;
  $('#login-screen').hidden = true;
  $('#app').hidden = false;
  showView();
});

bus.onStatus(status => {
  const pill = $('#connection');
  const previous = pill.dataset.state;
  pill.dataset.state = status;
  $('#connection-text').textContent = CONNECTION_TEXT[status] ?? status;
  if (previous !== 'connected' && status === 'connected' && !$('#app').hidden) toast('Connected to the broker again.');
});

$('#logout').addEventListener('click', () => login.signOut());
window.addEventListener('hashchange', showView);

function showView() {
  const requested = location.hash.slice(1);
  const current = VIEWS.includes(requested) ? requested : 'health';
  for (const view of document.querySelectorAll('.view')) view.hidden = view.dataset.view !== current;
  for (const link of document.querySelectorAll('.nav a')) {
    if (link.dataset.view === current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

login.start();
