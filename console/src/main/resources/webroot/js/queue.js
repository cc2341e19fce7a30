// The operator's live alarm queue: highest priority first, then the longest waiting; each open alarm's running
// time to acknowledgement against the 60 s target. Rows are kept by id and updated in place, so 500 open alarms
// re-render only what changed.
import { $, el } from './dom.js';
import { formatDuration, formatTime } from './i18n.js';
import { alarmTypeLabel, stateLabel } from './shell.js';

const TARGET_S = 60;
const OPEN = new Set(['OPEN', 'ACKNOWLEDGED', 'ON_SITE']);

export class AlarmQueue {
  constructor(table, onSelect) {
    this.body = $('tbody', table);
    this.alarms = new Map();
    this.rows = new Map();
    this.onSelect = onSelect;
    this.selected = null;
  }

  /** Replaces the whole queue (first load, or after the stream came back). */
  load(list) {
    this.alarms.clear();
    for (const a of list) if (OPEN.has(a.state)) this.alarms.set(a.id, a);
    for (const [id, row] of this.rows) if (!this.alarms.has(id)) { row.remove(); this.rows.delete(id); }
    this.render();
  }

  /** Adds or changes one alarm; answers true when it is new to the queue. */
  upsert(alarm) {
    const known = this.alarms.get(alarm.id);
    if (!OPEN.has(alarm.state)) {
      this.remove(alarm.id);
      return false;
    }
    this.alarms.set(alarm.id, { ...known, ...alarm, elderName: alarm.elderName ?? known?.elderName });
    this.render();
    return !known;
  }

  remove(id) {
    this.alarms.delete(id);
    const row = this.rows.get(id);
    if (row) row.remove();
    this.rows.delete(id);
    this.count();
  }

  get(id) {
    return this.alarms.get(id);
  }

  sorted() {
    const waiting = a => (a.state === 'OPEN' ? 0 : 1);
    return [...this.alarms.values()].sort((a, b) => a.priority - b.priority || waiting(a) - waiting(b)
      || a.openedAt - b.openedAt || a.id - b.id);
  }

  /**
   * Each render is measured in the Performance API: 'queue-render' the script's work, 'queue-frame' up to the
   * frame after it (style, layout and paint included), so a test can read what 500 rows cost.
   */
  render() {
    const started = performance.now();
    let previous = null;
    for (const alarm of this.sorted()) {
      const row = this.row(alarm);
      const expected = previous ? previous.nextSibling : this.body.firstChild;
      if (row !== expected) this.body.insertBefore(row, expected);
      previous = row;
    }
    this.count();
    this.tick();
    performance.measure('queue-render', { start: started, end: performance.now(), detail: this.alarms.size });
    requestAnimationFrame(() => setTimeout(() => performance.measure('queue-frame', { start: started,
      end: performance.now(), detail: this.alarms.size })));
  }

  count() {
    $('#queue-count').textContent = `(${this.alarms.size})`;
  }

  row(alarm) {
    let row = this.rows.get(alarm.id);
    const version = `${alarm.state}|${alarm.priority}|${alarm.acknowledgedAt}|${alarm.elderName}`;
    if (row && row.dataset.version === version) return row;
    const fresh = el('tr', { tabindex: 0, 'data-alarm-id': alarm.id, 'data-state': alarm.state, 'data-type': alarm.type,
      'data-elder-id': alarm.elderId,
      class: this.selected === alarm.id ? 'selected' : '', onclick: () => this.select(alarm.id),
      onfocus: () => this.select(alarm.id) },
    el('td', {}, el('span', { class: `prio prio-${alarm.priority}`, text: alarm.priority })),
    el('td', { text: alarmTypeLabel(alarm.type) }),
    el('td', { text: alarm.elderName ?? `#${alarm.elderId ?? alarm.householdId}` }),
    el('td', { text: formatTime(alarm.openedAt) }),
    el('td', { class: 'wait' }),
    el('td', {}, el('span', { class: `state state-${alarm.state}`, text: stateLabel(alarm.state) })));
    fresh.dataset.version = version;
    if (row) {
      row.replaceWith(fresh);
      if (document.activeElement === row) fresh.focus({ preventScroll: true });
    }
    this.rows.set(alarm.id, fresh);
    return fresh;
  }

  /** Once a second: each alarm's time to acknowledgement, running while open, red beyond the target. */
  tick(now = Date.now()) {
    for (const [id, row] of this.rows) {
      const a = this.alarms.get(id);
      const seconds = ((a.acknowledgedAt ?? now) - a.openedAt) / 1000;
      const cell = row.cells[4];
      const text = formatDuration(seconds);
      if (cell.textContent !== text) cell.textContent = text;
      const late = seconds > TARGET_S;
      if (cell.classList.contains('late') !== late) cell.className = `wait ${late ? 'late' : 'ontime'}`;
    }
  }

  select(id) {
    if (this.selected === id) return;
    this.rows.get(this.selected)?.classList.remove('selected');
    this.selected = id;
    this.rows.get(id)?.classList.add('selected');
    this.onSelect(id);
  }

  /** Moves the keyboard focus up or down the queue. */
  move(step) {
    const rows = [...this.body.rows];
    const at = rows.findIndex(r => Number(r.dataset.alarmId) === this.selected);
    const next = rows[Math.max(0, Math.min(rows.length - 1, at + step))];
    if (next) next.focus();
  }

  flash(id) {
    const row = this.rows.get(id);
    if (!row) return;
    row.classList.remove('flash');
    requestAnimationFrame(() => row.classList.add('flash'));
  }
}
