// The admin's pages: people, places, devices, safe zones and accounts, each a tab.
import { api } from './api.js';
import { $, el, fill } from './dom.js';
import { t } from './i18n.js';
import { attempt, boot } from './shell.js';
import { tableView } from './admin-tables.js';
import { devicesView } from './admin-devices.js';
import { zonesView } from './admin-zones.js';
import { escalationView } from './admin-escalation.js';

function linkForm(panel, owner, target, extra) {
  const ownerId = el('input', { type: 'number', id: `link-${owner}`, 'aria-label': t(`field.${owner}Id`) });
  const targetId = el('input', { type: 'number', id: `link-${owner}-${target}`, 'aria-label': t('field.elderId') });
  const extraField = el('input', { type: 'text', id: `link-${owner}-extra`, 'aria-label': t(`field.${extra}`) });
  const form = el('form', { class: 'actions' }, el('strong', { text: t(`admin.link.${owner}`) }),
    ownerId, targetId, extraField, el('button', { type: 'submit', text: t('admin.link') }));
  form.addEventListener('submit', e => {
    e.preventDefault();
    attempt(() => api.put(`/api/admin/${owner}s/${Number(ownerId.value)}/${target}/${Number(targetId.value)}`,
      extraField.value ? { [extra]: extraField.value } : {}), t('done.saved'));
  });
  panel.append(form);
}

const VIEWS = {
  households: panel => tableView(panel, 'households'),
  elders: panel => tableView(panel, 'elders'),
  devices: devicesView,
  'safe-zones': zonesView,
  carers: async panel => { await tableView(panel, 'carers'); linkForm(panel, 'carer', 'elders', 'role'); },
  shifts: panel => tableView(panel, 'shifts'),
  volunteers: panel => tableView(panel, 'volunteers'),
  providers: panel => tableView(panel, 'providers'),
  escalation: escalationView,
  users: async panel => { await tableView(panel, 'users'); linkForm(panel, 'user', 'elders', 'relation'); },
  townships: panel => tableView(panel, 'townships'),
  villages: panel => tableView(panel, 'villages'),
};

function open(name) {
  for (const b of $('#admin-tabs').children) b.setAttribute('aria-current', String(b.dataset.tab === name));
  history.replaceState(null, '', `#${name}`);
  attempt(() => VIEWS[name]($('#admin-panel')));
}

async function start() {
  await boot(['admin']);
  fill($('#admin-tabs'), Object.keys(VIEWS).map(name => el('button', { type: 'button', 'data-tab': name,
    onclick: () => open(name), text: t(`admin.${name}`) })));
  const first = location.hash.slice(1);
  open(VIEWS[first] ? first : 'elders');
  document.body.dataset.ready = 'true';
}

start();
