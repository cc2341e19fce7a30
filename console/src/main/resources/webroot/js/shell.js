// What every page does first: configuration, language, the signed-in user (or the sign-in page), the header.
import { session, logout } from './api.js';
import { $, el, fill } from './dom.js';
import { currentLanguage, loadLanguage, setLanguage, t } from './i18n.js';
import { configureMaps } from './map.js';

export const HOME = {
  operator: '/ui/operator.html', supervisor: '/ui/supervisor.html', carer: '/ui/carer.html',
  family: '/ui/family.html', admin: '/ui/admin.html',
};

// A blocked script, style or image is counted on the page, where the browser tests look for it.
document.addEventListener('securitypolicyviolation', e => {
  document.body.dataset.cspViolations = `${document.body.dataset.cspViolations || ''} ${e.violatedDirective}:${e.blockedURI}`;
});

export async function loadConfig() {
  const config = await (await fetch('/ui/config.json')).json();
  configureMaps(config);
  await loadLanguage(config.timezone);
  return config;
}

/** Boots a page for the given roles; anyone else goes to their own page, the signed-out to sign in. */
export async function boot(roles) {
  const config = await loadConfig();
  const who = await session();
  if (!who.authenticated) {
    location.replace('/ui/');
    return new Promise(() => {});
  }
  if (!roles.includes(who.user.role)) {
    location.replace(HOME[who.user.role]);
    return new Promise(() => {});
  }
  header(who.user);
  return { user: who.user, config };
}

function header(user) {
  const next = currentLanguage() === 'zh-CN' ? 'en' : 'zh-CN';
  const links = user.role === 'supervisor'
    ? [el('a', { href: HOME.operator, text: t('nav.operator') }), el('a', { href: HOME.supervisor, text: t('nav.supervisor') })]
    : [];
  fill($('#app-header'),
    el('span', { class: 'brand', text: t('app.title') }),
    el('nav', {}, links),
    el('span', { class: 'who', id: 'who', text: user.displayName || user.username }),
    el('button', { id: 'lang-switch', type: 'button', lang: next, onclick: () => setLanguage(next),
      text: next === 'en' ? 'English' : '中文' }),
    el('button', { id: 'logout', type: 'button', onclick: () => logout(), text: t('action.logout') }));
}

/** A short message at the foot of the page (role=status, read out by screen readers). */
export function toast(message, kind = 'info') {
  const box = $('#toast');
  box.className = `toast ${kind}`;
  box.textContent = message;
  box.hidden = false;
  clearTimeout(box.timer);
  box.timer = setTimeout(() => { box.hidden = true; }, 4000);
}

/** Runs an action, showing its failure as a toast. */
export async function attempt(action, done) {
  try {
    const result = await action();
    if (done) toast(done, 'ok');
    return result;
  } catch (e) {
    toast(`${t('error')}: ${e.message}`, 'error');
    return undefined;
  }
}

export function alarmTypeLabel(type) {
  return t(`alarmType.${type}`);
}

export function stateLabel(state) {
  return t(`state.${state}`);
}
