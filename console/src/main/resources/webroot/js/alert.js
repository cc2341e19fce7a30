// A new priority-1 alarm is heard and seen: a short WebAudio beep (no sound file) and a flash of the header.

let audio = null;

function context() {
  if (!audio) audio = new AudioContext();
  if (audio.state === 'suspended') audio.resume();
  return audio;
}

/**
 * Browsers start audio only after a gesture: the context is made now (making it is slow, and the first alarm
 * should not wait for it) and the first key or click on the page lets it play.
 */
export function unlockAudioOnGesture() {
  audio = new AudioContext();
  const unlock = () => context();
  window.addEventListener('keydown', unlock, { once: true });
  window.addEventListener('pointerdown', unlock, { once: true });
}

export function beep() {
  const ctx = context();
  const start = ctx.currentTime;
  for (const [offset, frequency] of [[0, 880], [0.25, 660], [0.5, 880]]) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.2, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.001, start + offset + 0.2);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start + offset);
    osc.stop(start + offset + 0.2);
  }
  document.body.dataset.beeps = String(Number(document.body.dataset.beeps || 0) + 1);
}

export function flashPage() {
  document.body.classList.remove('alert-flash');
  requestAnimationFrame(() => document.body.classList.add('alert-flash'));
}
