// The carer's phone: my alarms with one tap to acknowledge and "on my way", the map of a wandering elder following
// them live, today's visits and orders with check-in and check-out, the elders I look after.
import { api, query } from './api.js';
import { $, el, fill } from './dom.js';
import { formatDateTime, formatTime, startOfToday, t } from './i18n.js';
import { createMap } from './map.js';
import { followFixes } from './live-map.js';
import { leftAt, showOnMap } from './elder.js';
import { openStream } from './stream.js';
import { alarmTypeLabel, attempt, boot, stateLabel } from './shell.js';
import { beep, unlockAudioOnGesture } from './alert.js';

const ACTIVE_ORDERS = 'ASSIGNED,ACCEPTED,IN_PROGRESS';

/** The map, the open wandering alarm it shows, and the live following of that alarm's elder. */
let view = null;
let wandering = null;
let live = null;

function alarmCard(alarm) {
  const buttons = [];
  if (alarm.state === 'OPEN') buttons.push(el('button', { class: 'primary', 'data-action': 'acknowledge',
    onclick: () => act(alarm.id, 'acknowledge'), text: t('action.acknowledge') }));
  if (alarm.state === 'OPEN' || alarm.state === 'ACKNOWLEDGED') buttons.push(el('button', { 'data-action': 'on-site',
    onclick: () => act(alarm.id, 'on-site'), text: t('action.onMyWay') }));
  if (alarm.state === 'ON_SITE') buttons.push(el('button', { 'data-action': 'resolve',
    onclick: () => act(alarm.id, 'resolve'), text: t('action.resolve') }));
  return el('div', { class: `item state-${alarm.state}`, 'data-alarm-id': alarm.id, 'data-state': alarm.state },
    el('div', { class: 'title' }, el('span', { class: `prio prio-${alarm.priority}`, text: alarm.priority }), ' ',
      alarmTypeLabel(alarm.type), ' · ', alarm.elderName ?? ''),
    el('div', { class: 'muted', text: `${formatTime(alarm.openedAt)} · ${stateLabel(alarm.state)}` }),
    el('div', { class: 'actions big-actions' }, buttons));
}

async function act(id, verb) {
  await attempt(() => api.post(`/api/alarms/${id}/${verb}`, {}), t(`done.${verb}`));
  await loadAlarms();
}

async function loadAlarms() {
  const page = await api.get(`/api/alarms${query({ open: true, limit: 50 })}`);
  fill($('#my-alarms'), page.items.length ? page.items.map(alarmCard)
    : el('p', { class: 'muted', text: t('carer.noAlarms') }));
  await showWandering(page.items.find(a => a.type === 'FENCE_EXIT' && a.elderId));
}

/** Stops following; the next look at my alarms starts again if one is still wandering. */
function stopFollowing() {
  live?.close();
  live = null;
  wandering = null;
}

/**
 * For an open wandering (FENCE_EXIT) alarm of one of my elders: the map with the zones, home, the track since they
 * left the zone and the last fix, following their new fixes until the alarm is closed.
 */
async function showWandering(alarm) {
  const id = alarm?.id ?? null;
  $('#wandering').hidden = !alarm;
  if (id === wandering) return;
  stopFollowing();
  wandering = id;
  if (!alarm) return;
  const [full, elder] = await Promise.all([api.get(`/api/alarms/${id}`), api.get(`/api/elders/${alarm.elderId}`)]);
  if (wandering !== id) return;
  $('#wandering-title').textContent = t('carer.wandering', { name: elder.name });
  view ??= createMap($('#carer-map'));
  const drawn = await showOnMap(view, elder, leftAt(full));
  if (wandering !== id) return;
  $('#carer-map').dataset.alarmId = id;
  live = followFixes(view, elder.id, drawn, ts => `${elder.name} ${formatDateTime(ts)}`);
}

function orderCard(order) {
  const check = order.state === 'IN_PROGRESS'
    ? el('button', { class: 'primary', onclick: () => move(order.id, 'done'), text: t('orderAction.checkOut') })
    : el('button', { class: 'primary', onclick: () => move(order.id, 'start'), text: t('orderAction.checkIn') });
  return el('div', { class: 'item', 'data-order-id': order.id },
    el('div', { class: 'title', text: `${t(`orderType.${order.type}`)} · ${order.elderName}` }),
    el('div', { class: 'muted', text: `${t(`orderState.${order.state}`)} · ${formatDateTime(order.slotStart ?? order.createdAt)}` }),
    order.state === 'ASSIGNED' ? null : el('div', { class: 'actions big-actions' }, check));
}

async function move(id, verb) {
  await attempt(() => api.post(`/api/orders/${id}/${verb}`, {}), t('done.saved'));
  await loadOrders();
}

async function loadOrders() {
  const page = await api.get(`/api/orders${query({ state: ACTIVE_ORDERS, limit: 50 })}`);
  const end = startOfToday() + 24 * 3600 * 1000;
  const today = page.items.filter(o => (o.slotStart ?? o.createdAt) < end);
  fill($('#my-orders'), today.length ? today.map(orderCard) : el('p', { class: 'muted', text: t('carer.noOrders') }));
}

async function loadElders() {
  const page = await api.get('/api/elders?limit=100');
  fill($('#my-elders'), page.items.map(e => el('div', { class: 'item' },
    el('div', { class: 'title', text: e.name }),
    el('div', { class: 'muted', text: [e.address, e.phone].filter(Boolean).join(' · ') }),
    e.openAlarms ? el('div', { class: 'late', text: t('carer.openAlarms', { n: e.openAlarms }) }) : null)));
}

async function start() {
  await boot(['carer']);
  unlockAudioOnGesture();
  window.addEventListener('pagehide', stopFollowing);
  await Promise.all([loadAlarms(), loadOrders(), loadElders()]);
  document.body.dataset.ready = 'true';
  openStream({
    alarm: () => loadAlarms(),
    'alarm-raised': e => { if (e.priority === 1 && !e.repeat) beep(); loadAlarms(); },
    order: () => loadOrders(),
    reconnected: () => Promise.all([loadAlarms(), loadOrders()]),
    reset: () => Promise.all([loadAlarms(), loadOrders()]),
  });
}

start();
