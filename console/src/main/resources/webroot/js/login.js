import { login, session } from './api.js';
import { $ } from './dom.js';
import { currentLanguage, setLanguage, t } from './i18n.js';
import { HOME, loadConfig } from './shell.js';

async function start() {
  await loadConfig();
  const who = await session();
  if (who.authenticated) {
    location.replace(HOME[who.user.role]);
    return;
  }
  const next = currentLanguage() === 'zh-CN' ? 'en' : 'zh-CN';
  const switcher = $('#lang-switch');
  switcher.textContent = next === 'en' ? 'English' : '中文';
  switcher.addEventListener('click', () => setLanguage(next));
  $('#login-form').addEventListener('submit', async e => {
    e.preventDefault();
    const error = $('#login-error');
    error.hidden = true;
    try {
      const answer = await login($('#username').value.trim(), $('#password').value);
      location.assign(HOME[answer.user.role]);
    } catch (err) {
      error.textContent = err.status === 423 ? t('login.locked') : t('login.failed');
      error.hidden = false;
    }
  });
  $('#username').focus();
  document.body.dataset.ready = 'true';
}

start();
