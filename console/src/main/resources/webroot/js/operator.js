// The operator's desk: the live queue, the selected alarm with its actions, elder and map, screen pops for calls,
// service orders and return visits.
import { api, query } from './api.js';
import { $ } from './dom.js';
import { createMap } from './map.js';
import { openStream } from './stream.js';
import { attempt, boot, toast } from './shell.js';
import { AlarmQueue } from './queue.js';
import { beep, flashPage, unlockAudioOnGesture } from './alert.js';
import { AlarmDetail } from './alarm-detail.js';
import { OrderDesk } from './orders.js';
import { screenPop } from './screen-pop.js';
import { loadCalls, loadReturnVisits } from './desk-lists.js';

const MAX_QUEUE = 2000;
const KEYS = { a: 'acknowledge', o: 'on-site', r: 'resolve', f: 'false-alarm' };

async function loadQueue(queue) {
  const all = [];
  for (let offset = 0; offset < MAX_QUEUE; offset += 500) {
    const page = await api.get(`/api/alarms${query({ open: true, limit: 500, offset })}`);
    all.push(...page.items);
    if (page.items.length < 500) break;
  }
  queue.load(all);
}

/**
 * A raised alarm carries no id, a changed one no name: the open alarms of that elder and type are fetched. The
 * raise is announced before it is stored, so an empty answer is asked again a few times.
 */
async function raised(queue, event, tries = 5) {
  const page = await api.get(`/api/alarms${query({ open: true, elderId: event.elderId, type: event.type, limit: 5 })}`);
  if (!page.items.length && tries > 1) {
    setTimeout(() => raised(queue, event, tries - 1), 250);
    return;
  }
  for (const alarm of page.items) arrived(queue, alarm);
}

/**
 * An alarm new to the queue: a priority-1 one is heard and seen, whichever stream event brought it first; the
 * sound and the flash wait for the frame that shows the row.
 */
function arrived(queue, alarm) {
  if (queue.upsert(alarm) && alarm.priority === 1 && alarm.state === 'OPEN') {
    requestAnimationFrame(() => setTimeout(() => {
      beep();
      flashPage();
      queue.flash(alarm.id);
    }));
  }
}

function keyboard(queue, detail) {
  document.addEventListener('keydown', e => {
    if (e.target.closest('input, textarea, select') || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'ArrowDown' || e.key === 'j') { queue.move(1); e.preventDefault(); }
    if (e.key === 'ArrowUp' || e.key === 'k') { queue.move(-1); e.preventDefault(); }
    const verb = KEYS[e.key.toLowerCase()];
    if (verb && queue.selected) { detail.act(verb); e.preventDefault(); }
  });
}

async function start() {
  await boot(['operator', 'supervisor']);
  unlockAudioOnGesture();
  const view = createMap($('#detail-map'));
  const orders = new OrderDesk($('#orders'), $('#order-form'));
  let queue;
  const detail = new AlarmDetail($('#detail-body'), view, id => queue.get(id), alarm => queue.upsert(alarm), orders);
  queue = new AlarmQueue($('#queue'), id => detail.show(id));
  keyboard(queue, detail);
  setInterval(() => queue.tick(), 1000);
  await Promise.all([loadQueue(queue), orders.load(), loadReturnVisits(), loadCalls()]);
  performance.mark('queue-ready');
  document.body.dataset.ready = 'true';
  openStream({
    alarm: e => {
      if (queue.get(e.alarm.id) || !['OPEN', 'ACKNOWLEDGED', 'ON_SITE'].includes(e.alarm.state)) queue.upsert(e.alarm);
      else raised(queue, e.alarm);
      detail.changed(e.alarm);
    },
    'alarm-raised': e => raised(queue, e),
    order: () => Promise.all([orders.load(), loadReturnVisits()]),
    call,
    notice,
    reconnected: () => Promise.all([loadQueue(queue), orders.load()]),
    reset: () => Promise.all([loadQueue(queue), orders.load()]),
  });
}

/** The call list follows the hotline's call events. */
function call() {
  loadCalls();
}

/** The hotline's screen pop comes to the ringing operator alone, as a notice about the call. */
function notice(event) {
  if (event.subject && event.subject.startsWith('call:')) {
    attempt(() => screenPop($('#screen-pop'), { callerNumber: event.alarm?.caller, elderId: event.elderId,
      ivrOrder: event.alarm?.ivrOrder }));
  } else {
    toast(event.text);
  }
}

start();
