// The admin's tables: a list and a create form for each, from a short description of its fields.
import { api, query } from './api.js';
import { el, fill } from './dom.js';
import { formatDateTime, t } from './i18n.js';
import { attempt } from './shell.js';

/** field: [json name, input kind, required]; kinds: text, number, date, datetime, list (comma separated), json. */
const TABLES = {
  households: { fields: [['address', 'text', true], ['villageId', 'number'], ['homeLat', 'number'], ['homeLon', 'number'], ['landline', 'text']] },
  elders: { fields: [['householdId', 'number', true], ['name', 'text', true], ['gender', 'text'], ['birthDate', 'date'],
    ['phone', 'text'], ['categories', 'list'], ['careMode', 'text'], ['partyMemberSince', 'date'], ['partyBranch', 'text'],
    ['partyRecord', 'json'], ['notes', 'text']] },
  carers: { fields: [['name', 'text', true], ['phone', 'text'], ['villageId', 'number'], ['townshipId', 'number'], ['userId', 'number']] },
  shifts: { fields: [['carerId', 'number', true], ['startsAt', 'datetime', true], ['endsAt', 'datetime', true]] },
  volunteers: { fields: [['name', 'text', true], ['phone', 'text'], ['townshipId', 'number'], ['villageId', 'number'], ['skills', 'list']] },
  providers: { fields: [['name', 'text', true], ['phone', 'text'], ['serviceTypes', 'list'], ['dailyCapacity', 'number']] },
  users: { fields: [['username', 'text', true], ['password', 'password', true], ['role', 'text', true], ['displayName', 'text'],
    ['phone', 'text'], ['carerId', 'number']] },
  townships: { fields: [['name', 'text', true]] },
  villages: { fields: [['townshipId', 'number', true], ['name', 'text', true]] },
};

const HIDDEN = new Set(['partyRecord', 'ruleSettings', 'polygon', 'passwordHash']);

function input(name, kind) {
  const type = { number: 'number', date: 'date', datetime: 'datetime-local', password: 'password' }[kind] || 'text';
  return el('input', { id: `f-${name}`, name, type, step: kind === 'number' ? 'any' : null,
    placeholder: kind === 'list' ? 'A,B' : null });
}

function value(kind, raw) {
  if (raw === '') return undefined;
  if (kind === 'number') return Number(raw);
  if (kind === 'list') return raw.split(',').map(s => s.trim()).filter(Boolean);
  if (kind === 'json') return JSON.parse(raw);
  if (kind === 'datetime') return new Date(raw).toISOString();
  return raw;
}

/**
 * The form's fields as a body. A new row leaves an empty field out (the database's default); a change sends it as
 * null, which clears it (an empty list as []), except an empty password, which keeps the old one.
 */
export function formBody(form, fields, change = false) {
  const body = {};
  for (const [name, kind] of fields) {
    const v = value(kind, form.elements[name].value.trim());
    if (v !== undefined) body[name] = v;
    else if (change && kind !== 'password') body[name] = kind === 'list' ? [] : null;
  }
  return body;
}

export function fieldGrid(fields) {
  return el('div', { class: 'form-grid' }, fields.map(([name, kind, required]) => [
    el('label', { for: `f-${name}`, text: `${t(`field.${name}`)}${required ? ' *' : ''}` }), input(name, kind)]));
}

function cell(v) {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'number' && v > 1e12) return formatDateTime(v);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A list of the table's rows; {@code actions(row)} gives each row its buttons. */
export async function listRows(box, path, actions = () => [], filters = {}) {
  const page = await api.get(`/api/admin/${path}${query({ limit: 200, ...filters })}`);
  const keys = page.items.length ? Object.keys(page.items[0]).filter(k => !HIDDEN.has(k)).slice(0, 9) : [];
  fill(box, el('p', { class: 'muted', text: t('admin.count', { n: page.total ?? page.items.length }) }),
    el('table', { 'data-table': path }, el('thead', {}, el('tr', {}, keys.map(k => el('th', { text: t(`field.${k}`) })))),
      el('tbody', {}, page.items.map(row => el('tr', { 'data-id': row.id }, keys.map(k => el('td', { text: cell(row[k]) })),
        el('td', { class: 'actions' }, actions(row)))))));
  return page.items;
}

/** Epoch milliseconds as a datetime-local field wants them: the browser's local time, to the minute. */
function localInput(ms) {
  const d = new Date(ms);
  return new Date(ms - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

/** Puts a row's values into the form, for a change. */
export function edit(form, fields, row) {
  for (const [name, kind] of fields) {
    const v = row[name];
    if (kind === 'password' || v === null || v === undefined) form.elements[name].value = '';
    else if (kind === 'datetime') form.elements[name].value = localInput(v);
    else if (kind === 'json') form.elements[name].value = JSON.stringify(v);
    else form.elements[name].value = Array.isArray(v) ? v.join(',') : v;
  }
}

/** A table's list with a form that adds a row or, after "edit", changes one (PATCH); rows can be deleted. */
export function tableView(panel, path) {
  const spec = TABLES[path];
  const list = el('div');
  let editing = null;
  const submit = el('button', { class: 'primary', type: 'submit', text: t('admin.create') });
  const form = el('form', { id: `create-${path}` }, fieldGrid(spec.fields), el('div', { class: 'actions' }, submit));
  const reload = () => listRows(list, path, row => [
    el('button', { type: 'button', 'data-edit': row.id, text: t('admin.edit'), onclick: () => {
      editing = row.id;
      edit(form, spec.fields, row);
      submit.textContent = t('admin.save');
      form.scrollIntoView();
    } }),
    el('button', { type: 'button', 'data-delete': row.id, text: t('admin.delete'), onclick: async () => {
      if (await attempt(() => api.del(`/api/admin/${path}/${row.id}`).then(() => true), t('done.saved'))) await reload();
    } })]);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const body = formBody(form, spec.fields, editing !== null);
    const saved = await attempt(() => (editing ? api.patch(`/api/admin/${path}/${editing}`, body)
      : api.post(`/api/admin/${path}`, body)), t('done.saved'));
    if (saved) {
      editing = null;
      submit.textContent = t('admin.create');
      form.reset();
      await reload();
    }
  });
  fill(panel, el('h2', { text: t(`admin.${path}`) }), form, list);
  return reload();
}
