// The screen pop when a call rings for this operator: who is calling, what the IVR ordered for this call (so that it
// is not entered twice), their household and Party member record, open alarms, last location and recent orders.
import { api, query } from './api.js';
import { el, fill } from './dom.js';
import { formatDateTime, t } from './i18n.js';
import { alarmTypeLabel, stateLabel } from './shell.js';
import { elderFacts, facts } from './elder.js';

export async function screenPop(box, call) {
  box.hidden = false;
  const head = el('h2', {}, t('pop.ringing', { number: call.callerNumber ?? '?' }));
  const close = el('button', { type: 'button', onclick: () => { box.hidden = true; }, text: t('action.close') });
  if (!call.elderId) {
    fill(box, head, el('p', { class: 'muted', text: t('pop.unknown') }), close);
    return;
  }
  const [elder, alarms, location, orders] = await Promise.all([
    api.get(`/api/elders/${call.elderId}`),
    api.get(`/api/alarms${query({ open: true, elderId: call.elderId })}`),
    api.get(`/api/elders/${call.elderId}/location`),
    api.get(`/api/orders${query({ elderId: call.elderId, limit: 5 })}`),
  ]);
  const fix = location.lastFix;
  fill(box, head, ivrOrderLine(call.ivrOrder), elderFacts(elder),
    facts([['pop.lastFix', fix ? `${fix.lat.toFixed(5)}, ${fix.lon.toFixed(5)} · ${formatDateTime(fix.at)}` : t('pop.noFix')]]),
    el('h3', { text: t('pop.openAlarms') }),
    alarms.items.length ? el('ul', {}, alarms.items.map(a => el('li', { text: `${alarmTypeLabel(a.type)} · ${stateLabel(a.state)} · ${formatDateTime(a.openedAt)}` })))
      : el('p', { class: 'muted', text: t('pop.none') }),
    el('h3', { text: t('pop.orders') }),
    el('ul', {}, orders.items.map(o => el('li', { text: `${t(`orderType.${o.type}`)} · ${t(`orderState.${o.state}`)} · ${formatDateTime(o.createdAt)}` }))),
    close);
}

/** The IVR's order for this call: made (its number), still coming (do not enter it again), or refused. */
function ivrOrderLine(order) {
  if (!order) {
    return null;
  }
  const type = t(`orderType.${order.type}`);
  if (order.status === 'CREATED') {
    return el('p', { class: 'ivr-order', text: t('pop.ivrOrderCreated', { type, id: order.order_id }) });
  }
  return el('p', { class: 'ivr-order late', text: t(`pop.ivrOrder${order.status === 'PENDING' ? 'Pending' : 'Failed'}`, { type }) });
}
