// A family member's view of their relative: status at a glance, last location, today's activity, recent alarms
// and how each was handled, orders and a request button. Only the elders linked to this user are ever asked for.
import { api, query } from './api.js';
import { $, el, fill } from './dom.js';
import { formatDateTime, t } from './i18n.js';
import { createMap, drawFix, drawHome, drawZone, fit } from './map.js';
import { followFixes } from './live-map.js';
import { openStream } from './stream.js';
import { alarmTypeLabel, attempt, boot, stateLabel } from './shell.js';
import { typeOptions } from './orders.js';

let elder = null;
let view = null;
/** What the map drew last, an open wandering alarm, and the live following while there is one. */
let drawn = null;
let wandering = false;
let live = null;
const OPEN = new Set(['OPEN', 'ACKNOWLEDGED', 'ON_SITE']);

function tile(label, value, id) {
  return el('div', { class: 'tile', id }, el('span', { class: 'muted', text: t(label) }), el('b', { text: value }));
}

function yesNo(value, yes, no) {
  if (value === null || value === undefined) return '—';
  return value ? t(yes) : t(no);
}

async function loadStatus() {
  const [location, activity] = await Promise.all([api.get(`/api/elders/${elder.id}/location`),
    api.get(`/api/elders/${elder.id}/activity`)]);
  const band = (elder.devices || []).find(d => d.type === 'WRISTBAND') || elder.devices?.[0] || {};
  const vitals = activity.latestVitals;
  fill($('#relative'), el('h2', { id: 'relative-name', text: elder.name }),
    el('div', { class: 'status-grid' },
      tile('family.worn', yesNo(band.worn, 'status.worn', 'status.notWorn'), 'tile-worn'),
      tile('family.battery', band.bat === null || band.bat === undefined ? '—' : `${band.bat}%`, 'tile-battery'),
      tile('family.online', yesNo(band.online, 'status.online', 'status.offline'), 'tile-online'),
      tile('family.lastSeen', formatDateTime(band.lastSeen), 'tile-last-seen'),
      tile('family.steps', activity.steps ?? 0, 'tile-steps'),
      tile('family.heartRate', vitals?.hr ? `${vitals.hr}` : '—', 'tile-hr')));
  view.layer.clearLayers();
  for (const zone of elder.safeZones || []) drawZone(view.layer, zone);
  if (location.home?.lat !== null && location.home?.lat !== undefined) drawHome(view.layer, location.home.lat, location.home.lon);
  const fix = location.lastFix;
  drawn = { marker: fix ? drawFix(view.layer, fix.lat, fix.lon, formatDateTime(fix.at)) : null, line: null,
    last: fix ? { lat: fix.lat, lon: fix.lon, ts: fix.at } : null };
  fit(view);
  live?.close();
  live = null;
  follow();
}

/** While the relative has an open wandering (FENCE_EXIT) alarm, the map follows their new fixes. */
function follow() {
  if (wandering && !live && drawn) live = followFixes(view, elder.id, drawn, formatDateTime);
  if (!wandering && live) {
    live.close();
    live = null;
  }
}

async function loadAlarms() {
  const page = await api.get(`/api/alarms${query({ elderId: elder.id, limit: 10 })}`);
  wandering = page.items.some(a => a.type === 'FENCE_EXIT' && OPEN.has(a.state));
  follow();
  fill($('#family-alarms'), page.items.length ? page.items.map(a => el('div', { class: 'item', 'data-alarm-id': a.id,
    'data-state': a.state },
  el('div', { class: 'title', text: `${alarmTypeLabel(a.type)} · ${formatDateTime(a.openedAt)}` }),
  el('div', { text: `${stateLabel(a.state)}${a.acknowledgedBy ? ` · ${t('family.handledBy', { who: a.acknowledgedBy })}` : ''}` }),
  a.acknowledgedAt ? el('div', { class: 'muted', text: t('family.respondedIn', { s: Math.round((a.acknowledgedAt - a.openedAt) / 1000) }) }) : null))
    : el('p', { class: 'muted', text: t('family.noAlarms') }));
}

async function loadOrders() {
  const page = await api.get(`/api/orders${query({ elderId: elder.id, limit: 10 })}`);
  fill($('#family-orders'), page.items.map(o => el('div', { class: 'item', 'data-order-id': o.id },
    el('div', { class: 'title', text: `${t(`orderType.${o.type}`)} · ${t(`orderState.${o.state}`)}` }),
    el('div', { class: 'muted', text: formatDateTime(o.createdAt) }))));
}

/** Links to each of the user's relatives, when there is more than one. */
function chooser(elders) {
  $('#relative').before(el('nav', { class: 'actions' }, elders.map(e => el('a', { href: `?elder=${e.id}`, text: e.name }))));
}

async function start() {
  await boot(['family']);
  const mine = await api.get('/api/elders?limit=10');
  const asked = new URLSearchParams(location.search).get('elder');
  const id = asked ?? mine.items[0]?.id;
  elder = id ? await api.get(`/api/elders/${encodeURIComponent(id)}`).catch(() => null) : null;
  if (!elder) {
    fill($('#relative'), el('p', { id: 'not-found', text: t(id ? 'family.notFound' : 'family.none') }));
    document.body.dataset.ready = 'true';
    return;
  }
  if (mine.items.length > 1) chooser(mine.items);
  view = createMap($('#family-map'));
  typeOptions($('#request-type'));
  $('#request-form').addEventListener('submit', async e => {
    e.preventDefault();
    await attempt(() => api.post('/api/orders', { elderId: elder.id, type: $('#request-type').value }), t('done.requested'));
    await loadOrders();
  });
  await Promise.all([loadStatus(), loadAlarms(), loadOrders()]);
  document.body.dataset.ready = 'true';
  openStream({
    alarm: () => loadAlarms(),
    'alarm-raised': () => loadAlarms(),
    order: () => loadOrders(),
    reconnected: () => Promise.all([loadStatus(), loadAlarms(), loadOrders()]),
    reset: () => Promise.all([loadAlarms(), loadOrders()]),
  });
}

start();
