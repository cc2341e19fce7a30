// The selected alarm: its facts and events, the four actions with a note, the elder, and the map with the last fix,
// the track since the alarm (for a fence exit: since leaving the zone) and the zones, following the elder's new
// fixes while the alarm is on screen.
import { api } from './api.js';
import { el, fill } from './dom.js';
import { formatDateTime, t } from './i18n.js';
import { alarmTypeLabel, attempt, stateLabel } from './shell.js';
import { elderFacts, facts, leftAt, showOnMap } from './elder.js';
import { followFixes } from './live-map.js';

const ACTIONS = [['acknowledge', 'primary'], ['on-site', ''], ['resolve', ''], ['false-alarm', 'danger']];
const TRACK_DEFAULT_MS = 2 * 60 * 60 * 1000;

/** An event's kind in the page's language; a kind the bundle does not know is shown as it is. */
function eventKind(kind) {
  const label = t(`event.${kind}`);
  return label === `event.${kind}` ? kind : label;
}

export class AlarmDetail {
  constructor(box, view, lookup, update, orders) {
    this.box = box;
    this.view = view;
    this.lookup = lookup;
    this.update = update;
    this.orders = orders;
    this.id = null;
    this.live = null;
  }

  async show(id) {
    this.id = id;
    this.live?.close();
    this.live = null;
    const alarm = await api.get(`/api/alarms/${id}`);
    if (this.id !== id) return;
    this.render(alarm);
    this.box.dataset.alarmId = id;
    if (alarm.elderId) {
      const elder = await api.get(`/api/elders/${alarm.elderId}`);
      if (this.id !== id) return;
      this.box.querySelector('.elder-slot').append(elderFacts(elder));
      const since = alarm.type === 'FENCE_EXIT' ? leftAt(alarm) : Date.now() - TRACK_DEFAULT_MS;
      const drawn = await showOnMap(this.view, elder, since);
      if (this.id !== id) return;
      this.live = followFixes(this.view, elder.id, drawn, ts => `${elder.name} ${formatDateTime(ts)}`);
      this.orders.forElder(elder.id);
    }
  }

  render(alarm) {
    const note = el('textarea', { id: 'alarm-note', 'data-i18n-placeholder': 'detail.note', placeholder: t('detail.note') });
    const buttons = ACTIONS.map(([verb, style]) => el('button', { type: 'button', class: style, 'data-action': verb,
      onclick: () => this.act(verb), text: t(`action.${verb}`) }));
    fill(this.box,
      el('p', {}, el('span', { class: `prio prio-${alarm.priority}`, text: alarm.priority }), ' ',
        el('strong', { text: alarmTypeLabel(alarm.type) }), ' ',
        el('span', { class: `state state-${alarm.state}`, id: 'detail-state', text: stateLabel(alarm.state) })),
      facts([['detail.opened', formatDateTime(alarm.openedAt)], ['detail.acknowledged',
        alarm.acknowledgedAt ? `${formatDateTime(alarm.acknowledgedAt)} ${alarm.acknowledgedBy ?? ''}` : null],
      ['detail.occurrences', alarm.occurrences], ['elder.address', alarm.address], ['detail.device', alarm.deviceId],
      ['detail.distance', alarm.details?.distanceM === undefined ? null : `${alarm.details.distanceM} m`]]),
      note, el('div', { class: 'actions' }, buttons),
      el('details', {}, el('summary', { text: t('detail.events') }),
        el('ul', {}, (alarm.events || []).map(ev => el('li', { text: `${formatDateTime(ev.at)} ${eventKind(ev.kind)} ${ev.actor ?? ''}` })))),
      el('div', { class: 'elder-slot' }));
  }

  /** Runs an action on the selected alarm; a false alarm needs a note, which the field is focused for. */
  async act(verb) {
    if (!this.id) return;
    const field = document.getElementById('alarm-note');
    const note = field ? field.value.trim() : '';
    if (verb === 'false-alarm' && !note) {
      field?.focus();
      attempt(() => Promise.reject(new Error(t('detail.noteRequired'))));
      return;
    }
    const alarm = await attempt(() => api.post(`/api/alarms/${this.id}/${verb}`, note ? { note } : {}),
      t(`done.${verb}`));
    if (alarm) {
      this.update(alarm);
      this.changed(alarm);
    }
  }

  changed(alarm) {
    if (alarm.id !== this.id) return;
    const state = document.getElementById('detail-state');
    if (state) {
      state.textContent = stateLabel(alarm.state);
      state.className = `state state-${alarm.state}`;
    }
  }
}
