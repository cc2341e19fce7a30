// Devices: register one or import a CSV; the secret is shown once, here, and never again.
import { api } from './api.js';
import { el, fill } from './dom.js';
import { t } from './i18n.js';
import { attempt } from './shell.js';
import { edit, fieldGrid, formBody, listRows } from './admin-tables.js';

const FIELDS = [['id', 'text', true], ['type', 'select', true], ['model', 'text'], ['elderId', 'number'],
  ['householdId', 'number'], ['intervalS', 'number']];
/** What a change may set: the id and type stay as registered. */
const CHANGEABLE = FIELDS.slice(2);

function secrets(box, issued) {
  fill(box, el('p', { class: 'late', text: t('devices.secretOnce') }),
    el('table', { id: 'issued-secrets' }, el('tbody', {}, issued.map(s => el('tr', {},
      el('td', { text: s.deviceId }), el('td', {}, el('code', { class: 'secret', text: s.secret })))))));
}

export async function devicesView(panel) {
  const shown = el('div', { id: 'secret-box', 'aria-live': 'polite' });
  const list = el('div');
  let editing = null;
  const submit = el('button', { class: 'primary', type: 'submit', text: t('devices.register') });
  const reload = () => listRows(list, 'devices', row => [
    el('button', { type: 'button', 'data-edit': row.id, text: t('admin.edit'), onclick: () => {
      editing = row.id;
      edit(form, FIELDS.filter(f => f[1] !== 'select'), row);
      form.elements.id.disabled = true;
      type.disabled = true;
      submit.textContent = t('admin.save');
      form.scrollIntoView();
    } }),
    el('button', { type: 'button', 'data-rotate': row.id, text: t('devices.rotate'), onclick: async () => {
      const issued = await attempt(() => api.post(`/api/admin/devices/${encodeURIComponent(row.id)}/rotate-secret`),
        t('done.saved'));
      if (issued) secrets(shown, [issued]);
    } }),
    el('button', { type: 'button', text: row.enabled ? t('devices.disable') : t('devices.enable'), onclick: async () => {
      if (await attempt(() => api.patch(`/api/admin/devices/${encodeURIComponent(row.id)}`, { enabled: !row.enabled }))) {
        await reload();
      }
    } })]);
  const grid = fieldGrid(FIELDS.filter(f => f[1] !== 'select'));
  const type = el('select', { id: 'f-type', name: 'type' }, ['WRISTBAND', 'HOME_TERMINAL'].map(v =>
    el('option', { value: v, text: t(`deviceType.${v}`) })));
  grid.prepend(el('label', { for: 'f-type', text: `${t('field.type')} *` }), type);
  const form = el('form', { id: 'register-device' }, grid, el('div', { class: 'actions' }, submit));
  const done = () => {
    editing = null;
    form.elements.id.disabled = false;
    type.disabled = false;
    submit.textContent = t('devices.register');
    form.reset();
    return reload();
  };
  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (editing) {
      const body = formBody(form, CHANGEABLE, true);
      if (await attempt(() => api.patch(`/api/admin/devices/${encodeURIComponent(editing)}`, body), t('done.saved'))) {
        await done();
      }
      return;
    }
    const body = { ...formBody(form, FIELDS.filter(f => f[1] !== 'select')), type: type.value };
    const issued = await attempt(() => api.post('/api/admin/devices', body), t('done.saved'));
    if (issued) {
      secrets(shown, [issued]);
      await done();
    }
  });
  const file = el('input', { type: 'file', id: 'csv-file', accept: '.csv,text/csv' });
  const importButton = el('button', { type: 'button', id: 'csv-import', text: t('devices.import') });
  importButton.addEventListener('click', async () => {
    if (!file.files.length) return;
    const text = await file.files[0].text();
    const answer = await attempt(() => api.postText('/api/admin/devices/import', text, 'text/csv'), t('done.saved'));
    if (answer) {
      secrets(shown, answer.devices);
      await reload();
    }
  });
  fill(panel, el('h2', { text: t('admin.devices') }), form,
    el('div', { class: 'actions' }, el('label', { for: 'csv-file', text: t('devices.csv') }), file, importButton),
    shown, list);
  await reload();
}
