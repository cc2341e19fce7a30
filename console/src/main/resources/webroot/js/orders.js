// Service orders at the desk: create one (for the elder on screen or any id), follow them live, move them along.
import { api, query } from './api.js';
import { $, el, fill } from './dom.js';
import { formatDateTime, t } from './i18n.js';
import { attempt } from './shell.js';

const SERVICE_TYPES = ['MEAL', 'CLEANING', 'MEDICAL', 'ERRAND', 'VISIT'];
const NEXT = { NEW: [], ASSIGNED: ['accept', 'refuse'], ACCEPTED: ['start'], IN_PROGRESS: ['done'] };

export function typeOptions(select) {
  fill(select, SERVICE_TYPES.map(type => el('option', { value: type, text: t(`orderType.${type}`) })));
}

export class OrderDesk {
  constructor(table, form) {
    this.table = table;
    this.form = form;
    this.elderId = null;
    typeOptions($('#order-type', form));
    form.addEventListener('submit', e => {
      e.preventDefault();
      this.create();
    });
  }

  forElder(elderId) {
    this.elderId = elderId;
    $('#order-elder', this.form).value = elderId;
    return this.load();
  }

  async load() {
    const page = await api.get(`/api/orders${query({ elderId: this.elderId, limit: 15 })}`);
    fill($('tbody', this.table), page.items.map(o => this.row(o)));
  }

  row(order) {
    const moves = [...(NEXT[order.state] || []), ...(['DONE', 'REVIEWED', 'CANCELLED'].includes(order.state) ? [] : ['cancel'])];
    return el('tr', { 'data-order-id': order.id },
      el('td', { text: `#${order.id}` }), el('td', { text: order.elderName }),
      el('td', { text: t(`orderType.${order.type}`) }), el('td', { text: t(`orderState.${order.state}`) }),
      el('td', { text: order.providerName ?? '' }), el('td', { text: formatDateTime(order.createdAt) }),
      el('td', {}, moves.map(verb => el('button', { type: 'button', onclick: () => this.move(order.id, verb),
        text: t(`orderAction.${verb}`) }))));
  }

  async move(id, verb) {
    await attempt(() => api.post(`/api/orders/${id}/${verb}`, {}), t('done.saved'));
    await this.load();
  }

  async create() {
    const elderId = Number($('#order-elder', this.form).value);
    const body = { elderId, type: $('#order-type', this.form).value, notes: $('#order-notes', this.form).value || null };
    const order = await attempt(() => api.post('/api/orders', body), t('done.orderCreated'));
    if (order) {
      $('#order-notes', this.form).value = '';
      await this.load();
    }
  }
}
