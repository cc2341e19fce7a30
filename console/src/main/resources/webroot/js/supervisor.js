// The supervisor's figures: alarms acknowledged within 60 s and 180 s against the 97.5 % and 99 % targets, per day
// (chart) and per township (table).
import uPlot from '/ui/lib/uplot/1.6.30/dist/uPlot.esm.js';
import { api, query } from './api.js';
import { $, el, fill } from './dom.js';
import { startOfToday, t } from './i18n.js';
import { attempt, boot } from './shell.js';

const DAY = 24 * 3600 * 1000;
let chart = null;

const isoDay = ms => new Date(ms + 12 * 3600 * 1000).toISOString().slice(0, 10);
const share = (part, whole) => (whole ? (100 * part) / whole : null);
const percent = v => (v === null ? '—' : `${v.toFixed(1)} %`);

function sum(rows) {
  return rows.reduce((s, r) => ({ alarms: s.alarms + r.alarms, within60: s.within60 + r.within60,
    within180: s.within180 + r.within180 }), { alarms: 0, within60: 0, within180: 0 });
}

function group(rows, key) {
  const groups = new Map();
  for (const r of rows) groups.set(r[key], [...(groups.get(r[key]) || []), r]);
  return groups;
}

function tile(label, value, id) {
  return el('div', { class: 'tile', id }, el('span', { class: 'muted', text: t(label) }), el('b', { text: value }));
}

function draw(days) {
  const xs = [...days.keys()].sort();
  const totals = xs.map(d => sum(days.get(d)));
  const data = [xs.map(d => Date.parse(`${d}T00:00:00Z`) / 1000), totals.map(s => share(s.within60, s.alarms)),
    totals.map(s => share(s.within180, s.alarms))];
  const box = $('#chart-days');
  if (chart) chart.destroy();
  chart = new uPlot({ width: Math.max(300, box.clientWidth - 10), height: 240, scales: { y: { range: [0, 100] } },
    series: [{}, { label: t('sup.within60'), stroke: '#175cd3', width: 2 },
      { label: t('sup.within180'), stroke: '#067647', width: 2 }] }, data, box);
}

async function load() {
  const from = $('#report-from').value;
  const to = $('#report-to').value;
  const report = await api.get(`/api/reports/ack-times${query({ from, to })}`);
  const all = sum(report.rows);
  fill($('#summary'), tile('sup.alarms', all.alarms, 'sum-alarms'),
    tile('sup.within60', percent(share(all.within60, all.alarms)), 'sum-60'),
    tile('sup.within180', percent(share(all.within180, all.alarms)), 'sum-180'),
    tile('sup.targets', '97.5 % / 99 %', 'sum-targets'));
  draw(group(report.rows, 'day'));
  const townships = group(report.rows, 'township');
  fill($('#townships tbody'), el('tr', {}, ['sup.township', 'sup.alarms', 'sup.within60', 'sup.within180'].map(k =>
    el('th', { text: t(k) }))), [...townships].map(([name, rows]) => {
    const s = sum(rows);
    return el('tr', {}, el('td', { text: name ?? '—' }), el('td', { text: s.alarms }),
      el('td', { text: percent(share(s.within60, s.alarms)) }), el('td', { text: percent(share(s.within180, s.alarms)) }));
  }));
}

async function start() {
  await boot(['supervisor', 'admin']);
  const today = startOfToday();
  $('#report-from').value = isoDay(today - 13 * DAY);
  $('#report-to').value = isoDay(today);
  $('#report-form').addEventListener('submit', e => { e.preventDefault(); attempt(load); });
  await attempt(load);
  document.body.dataset.ready = 'true';
}

start();
