// The supervisor's figures: alarms acknowledged within 60 s and 180 s against the 97.5 % and 99 % targets, per day
// (chart) and per township (table).
import uPlot from '/ui/lib/uplot/1.6.30/dist/uPlot.esm.js';
import { api, query } from './api.js';
import { $, el, fill } from './dom.js';
import { startOfToday, t } from './i18n.js';
import { attempt, boot } from './shell.js';

const DAY = 24 * 3600 * 1000;

const isoDay = ms => new Date(ms).toISOString().slice(0, 10);
const share = (part, whole) => (whole ? (100 * part) / whole : null);
const percent = v => (v === null ? '—' : `${v.toFixed(1)} %`);

const ACK = ['alarms', 'within60', 'within180'];
const OTHER = ['alarms', 'onSite', 'ordersDone', 'ordersOnTime', 'calls', 'callsAnswered'];
const charts = {};

function sum(rows, keys) {
  const total = Object.fromEntries(keys.map(k => [k, 0]));
  for (const r of rows) for (const k of keys) total[k] += r[k] || 0;
  return total;
}

function group(rows, key) {
  const groups = new Map();
  for (const r of rows) groups.set(r[key], [...(groups.get(r[key]) || []), r]);
  return groups;
}

function tile(label, value, id) {
  return el('div', { class: 'tile', id }, el('span', { class: 'muted', text: t(label) }), el('b', { text: value }));
}

function days(from, to) {
  const xs = [];
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += DAY) xs.push(isoDay(d));
  return xs;
}

/** A chart of shares (%) per day; every day of the span is on the axis, a day without data has no point. */
function chart(id, xs, series) {
  const box = document.getElementById(id);
  if (charts[id]) charts[id].destroy();
  const data = [xs.map(d => Date.parse(`${d}T00:00:00Z`) / 1000), ...series.map(s => s.values)];
  charts[id] = new uPlot({ width: Math.max(300, box.clientWidth - 10), height: 240,
    scales: { x: { time: true }, y: { range: [0, 100] } }, tzDate: ts => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    series: [{}, ...series.map(s => ({ label: t(s.label), stroke: s.color, width: 2, spanGaps: true,
      points: { show: true } }))] }, data, box);
}

/** The summary's three lists as rows of one shape, keyed by day and township. */
function otherRows(summary) {
  return [...summary.alarms.map(r => ({ day: r.day, township: r.township, alarms: r.alarms, onSite: r.onSite })),
    ...summary.orders.map(r => ({ day: r.day, township: r.township, ordersDone: r.done, ordersOnTime: r.doneOnTime })),
    ...summary.calls.map(r => ({ day: r.day, township: r.township, calls: r.calls, callsAnswered: r.answered }))];
}

async function load() {
  const from = $('#report-from').value;
  const to = $('#report-to').value;
  const [ack, summary] = await Promise.all([api.get(`/api/reports/ack-times${query({ from, to })}`),
    api.get(`/api/reports/summary${query({ from, to })}`)]);
  const other = { rows: otherRows(summary) };
  const a = sum(ack.rows, ACK);
  const o = sum(other.rows, OTHER);
  fill($('#summary'), tile('sup.alarms', a.alarms, 'sum-alarms'),
    tile('sup.within60', percent(share(a.within60, a.alarms)), 'sum-60'),
    tile('sup.within180', percent(share(a.within180, a.alarms)), 'sum-180'),
    tile('sup.targets', '97.5 % / 99 %', 'sum-targets'),
    tile('sup.onSite', `${o.onSite} / ${o.alarms}`, 'sum-on-site'),
    tile('sup.ordersOnTime', `${percent(share(o.ordersOnTime, o.ordersDone))} (${o.ordersDone})`, 'sum-orders'),
    tile('sup.callsAnswered', `${percent(share(o.callsAnswered, o.calls))} (${o.calls})`, 'sum-calls'));
  const xs = days(from, to);
  const ackDays = group(ack.rows, 'day');
  const otherDays = group(other.rows, 'day');
  const perDay = (groups, keys, part, whole) => xs.map(d => {
    const s = sum(groups.get(d) || [], keys);
    return share(s[part], s[whole]);
  });
  chart('chart-days', xs, [{ label: 'sup.within60', color: '#175cd3', values: perDay(ackDays, ACK, 'within60', 'alarms') },
    { label: 'sup.within180', color: '#067647', values: perDay(ackDays, ACK, 'within180', 'alarms') }]);
  chart('chart-other', xs, [{ label: 'sup.onSite', color: '#b54708', values: perDay(otherDays, OTHER, 'onSite', 'alarms') },
    { label: 'sup.ordersOnTime', color: '#6941c6', values: perDay(otherDays, OTHER, 'ordersOnTime', 'ordersDone') },
    { label: 'sup.callsAnswered', color: '#0e9384', values: perDay(otherDays, OTHER, 'callsAnswered', 'calls') }]);
  const ackTownships = group(ack.rows, 'township');
  const otherTownships = group(other.rows, 'township');
  const names = [...new Set([...ackTownships.keys(), ...otherTownships.keys()])];
  fill($('#townships tbody'), el('tr', {}, ['sup.township', 'sup.alarms', 'sup.within60', 'sup.within180', 'sup.onSite',
    'sup.ordersOnTime', 'sup.callsAnswered'].map(k => el('th', { text: t(k) }))), names.map(name => {
    const s = sum(ackTownships.get(name) || [], ACK);
    const x = sum(otherTownships.get(name) || [], OTHER);
    return el('tr', {}, el('td', { text: name ?? '—' }), el('td', { text: s.alarms }),
      el('td', { text: percent(share(s.within60, s.alarms)) }), el('td', { text: percent(share(s.within180, s.alarms)) }),
      el('td', { text: `${x.onSite} / ${x.alarms}` }), el('td', { text: percent(share(x.ordersOnTime, x.ordersDone)) }),
      el('td', { text: percent(share(x.callsAnswered, x.calls)) }));
  }));
}

async function start() {
  await boot(['supervisor', 'admin']);
  const today = startOfToday();
  const localDay = ms => isoDay(ms + 12 * 3600 * 1000);
  $('#report-from').value = localDay(today - 13 * DAY);
  $('#report-to').value = localDay(today);
  $('#report-form').addEventListener('submit', e => { e.preventDefault(); attempt(load); });
  await attempt(load);
  document.body.dataset.ready = 'true';
}

start();
