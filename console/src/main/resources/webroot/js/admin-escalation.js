// Escalation policies: per priority (and optionally alarm type), the steps; each step waits for an acknowledgement
// and notifies its recipients at once, by the channels ticked for each. The policy is an admin table row, its steps
// are read and replaced as a whole.
import { api } from './api.js';
import { el, fill } from './dom.js';
import { t } from './i18n.js';
import { attempt } from './shell.js';

const RECIPIENTS = ['PRIMARY_CARERS', 'BACKUP_CARERS', 'VOLUNTEERS', 'FAMILY', 'OPERATORS', 'SUPERVISOR', 'ELDER'];
const CHANNELS = ['STREAM', 'SMS', 'VOICE'];

function stepEditor(step, remove) {
  const wait = el('input', { type: 'number', min: 1, value: step.waitS ?? 60, class: 'wait-s', 'aria-label': t('esc.waitS') });
  const rows = RECIPIENTS.map(r => {
    const target = (step.targets || []).find(x => x.recipient === r) || { channels: [], onShiftOnly: false };
    return el('tr', { 'data-recipient': r }, el('td', { text: t(`recipient.${r}`) }),
      CHANNELS.map(ch => el('td', {}, el('input', { type: 'checkbox', 'data-channel': ch, 'aria-label': `${r} ${ch}`,
        checked: target.channels.includes(ch) }))),
      el('td', {}, el('input', { type: 'checkbox', 'data-on-shift': true, 'aria-label': `${r} ${t('esc.onShiftOnly')}`,
        checked: target.onShiftOnly })));
  });
  return el('div', { class: 'item step' },
    el('div', { class: 'actions' }, el('strong', { text: t('esc.step') }), el('label', {}, t('esc.waitS'), ' ', wait),
      el('button', { type: 'button', onclick: remove, text: t('admin.delete') })),
    el('table', {}, el('thead', {}, el('tr', {}, el('th'), CHANNELS.map(ch => el('th', { text: ch })),
      el('th', { text: t('esc.onShiftOnly') }))), el('tbody', {}, rows)));
}

function readStep(box) {
  const targets = [...box.querySelectorAll('tr[data-recipient]')].map(row => ({
    recipient: row.dataset.recipient,
    channels: [...row.querySelectorAll('[data-channel]:checked')].map(c => c.dataset.channel),
    onShiftOnly: row.querySelector('[data-on-shift]').checked,
  })).filter(x => x.channels.length);
  return { waitS: Number(box.querySelector('.wait-s').value), targets };
}

function policyCard(policy, reload) {
  const priority = el('select', { class: 'priority' }, [1, 2, 3].map(p => el('option', { value: p, text: p, selected: policy.priority === p })));
  const type = el('input', { type: 'text', class: 'alarm-type', value: policy.alarmType ?? '', placeholder: t('esc.anyType') });
  const repeat = el('input', { type: 'number', min: 1, class: 'repeat', value: policy.repeatIntervalS ?? 300 });
  const description = el('input', { type: 'text', class: 'description', value: policy.description ?? '' });
  const steps = el('div', { class: 'cards' });
  const addStep = s => steps.append(stepEditor(s, e => e.target.closest('.step').remove()));
  (policy.steps || []).forEach(addStep);
  const save = el('button', { class: 'primary', type: 'button', text: t('esc.save'), onclick: async () => {
    const body = { priority: Number(priority.value), repeatIntervalS: Number(repeat.value),
      alarmType: type.value.trim() || null, description: description.value.trim() || null };
    const chain = [...steps.querySelectorAll('.step')].map(readStep);
    const done = await attempt(async () => {
      const saved = policy.id ? await api.patch(`/api/admin/escalation-policies/${policy.id}`, body)
        : await api.post('/api/admin/escalation-policies', body);
      return api.put(`/api/admin/escalation-policies/${saved.id}/steps`, { steps: chain });
    }, t('done.saved'));
    if (done) await reload();
  } });
  return el('section', { class: 'item policy', 'data-policy-id': policy.id ?? 'new' },
    el('div', { class: 'form-grid' }, el('label', { text: t('col.priority') }), priority,
      el('label', { text: t('col.type') }), type, el('label', { text: t('esc.repeat') }), repeat,
      el('label', { text: t('field.notes') }), description),
    steps, el('div', { class: 'actions' },
      el('button', { type: 'button', text: t('esc.addStep'), onclick: () => addStep({ waitS: 60, targets: [] }) }), save));
}

export async function escalationView(panel) {
  const reload = async () => {
    const page = await api.get('/api/admin/escalation-policies?limit=100');
    await Promise.all(page.items.map(async p => {
      p.steps = (await api.get(`/api/admin/escalation-policies/${p.id}/steps`)).steps;
    }));
    fill(panel, el('h2', { text: t('admin.escalation') }), el('p', { class: 'muted', text: t('esc.help') }),
      el('div', { class: 'cards' }, page.items.map(p => policyCard(p, reload)),
        policyCard({ priority: 3, repeatIntervalS: 300, steps: [] }, reload)));
  };
  await reload();
}
