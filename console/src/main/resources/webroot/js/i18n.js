// zh-CN by default, English by a switch; the choice is kept in localStorage. Times shown in ANXIN_TIMEZONE.

const KEY = 'anxin.lang';
const LANGUAGES = ['zh-CN', 'en'];
let bundle = {};
let language = 'zh-CN';
let timeZone = 'Asia/Shanghai';

export function currentLanguage() {
  return language;
}

export async function loadLanguage(zone) {
  const stored = localStorage.getItem(KEY);
  language = LANGUAGES.includes(stored) ? stored : 'zh-CN';
  timeZone = zone || timeZone;
  const answer = await fetch(`/ui/i18n/${language}.json`);
  bundle = await answer.json();
  document.documentElement.lang = language;
  translate(document);
}

export function setLanguage(next) {
  localStorage.setItem(KEY, next);
  location.reload();
}

export function t(key, params = {}) {
  let text = bundle[key] ?? key;
  for (const [name, value] of Object.entries(params)) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

/** Fills every [data-i18n] element's text and every [data-i18n-placeholder] field's placeholder. */
function translate(root) {
  root.querySelectorAll('[data-i18n]').forEach(n => { n.textContent = t(n.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach(n => { n.placeholder = t(n.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-label]').forEach(n => { n.setAttribute('aria-label', t(n.dataset.i18nLabel)); });
  const title = document.querySelector('title[data-i18n]');
  if (title) document.title = title.textContent;
}

function format(ms, options) {
  if (ms === null || ms === undefined) return '—';
  return new Intl.DateTimeFormat(language, { timeZone, hour12: false, ...options }).format(new Date(ms));
}

export const formatTime = ms => format(ms, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
export const formatDateTime = ms => format(ms, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** Seconds as m:ss. */
export function formatDuration(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The start of today in ANXIN_TIMEZONE, as epoch milliseconds. */
export function startOfToday(now = Date.now()) {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour12: false, hour: '2-digit', minute: '2-digit',
    second: '2-digit' }).formatToParts(new Date(now));
  const get = type => Number(parts.find(p => p.type === type).value) % 24;
  return now - ((get('hour') * 60 + get('minute')) * 60 + get('second')) * 1000 - (now % 1000);
}
