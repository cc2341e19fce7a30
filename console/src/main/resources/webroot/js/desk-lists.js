// The desk's follow-up lists: calls with their wrap-up, and return visits (回访) with their rating.
import { api } from './api.js';
import { $, el, fill } from './dom.js';
import { formatDateTime, t } from './i18n.js';
import { attempt } from './shell.js';

const DISPOSITIONS = ['INQUIRY', 'SERVICE_REQUEST', 'EMERGENCY', 'COMPLAINT', 'OTHER'];

function wrapUpForm(call, reload) {
  const disposition = el('select', { 'aria-label': t('calls.disposition') },
    DISPOSITIONS.map(d => el('option', { value: d, text: t(`disposition.${d}`) })));
  const note = el('input', { type: 'text', placeholder: t('detail.note'), 'aria-label': t('detail.note') });
  const form = el('form', { class: 'actions', 'data-call-id': call.id }, disposition, note,
    el('button', { type: 'submit', text: t('calls.wrapUp') }));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const done = await attempt(() => api.post(`/api/calls/${call.id}/wrap-up`, { disposition: disposition.value,
      note: note.value || null }), t('done.saved'));
    if (done) await reload();
  });
  return form;
}

export async function loadCalls() {
  const page = await api.get('/api/calls?limit=15');
  fill($('#calls tbody'), page.items.length ? page.items.map(c => el('tr', { 'data-call-id': c.id },
    el('td', { text: formatDateTime(c.startedAt) }), el('td', { text: c.callerNumber ?? '' }),
    el('td', { text: c.elderName ?? '' }), el('td', { text: c.agent ?? '' }),
    el('td', {}, c.disposition ? `${t(`disposition.${c.disposition}`)} ${c.note ?? ''}`
      : c.endedAt ? wrapUpForm(c, loadCalls) : t('calls.live')))) : el('tr', {}, el('td', { class: 'muted', text: t('calls.none') })));
}

function reviewForm(visit) {
  const rating = el('select', { 'aria-label': t('visits.rating') }, [5, 4, 3, 2, 1].map(n => el('option', { value: n, text: '★'.repeat(n) })));
  const comment = el('input', { type: 'text', placeholder: t('visits.comment'), 'aria-label': t('visits.comment') });
  const form = el('form', { class: 'actions' }, rating, comment, el('button', { type: 'submit', text: t('visits.save') }));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const done = await attempt(() => api.post(`/api/orders/${visit.orderId}/review`, { rating: Number(rating.value),
      comment: comment.value || null }), t('done.saved'));
    if (done) await loadReturnVisits();
  });
  return form;
}

export async function loadReturnVisits() {
  const page = await api.get('/api/return-visits?limit=20');
  fill($('#return-visits tbody'), page.items.length ? page.items.map(v => el('tr', { 'data-order-id': v.orderId },
    el('td', { text: v.elderName ?? `#${v.elderId}` }), el('td', { text: t(`orderType.${v.type}`) }),
    el('td', { text: v.phone ?? '' }), el('td', {}, reviewForm(v))))
    : el('tr', {}, el('td', { class: 'muted', text: t('visits.none') })));
}
