// An elder's map that follows the elder: new fixes of the elder's devices, from /api/elders/{id}/live, move the
// last-fix marker and extend the track, and the map pans to keep the elder in view.
import { display, drawFix, drawTrack } from './map.js';

/**
 * Follows from what the map drew ({@code drawn}: the marker, the track line and the last fix, each possibly null);
 * {@code label(ts)} is the marker's tooltip. Answers {close} to stop following.
 */
export function followFixes(view, elderId, drawn, label) {
  let { marker, line, last } = drawn;
  let count = 0;
  const box = view.map.getContainer();
  const since = last?.ts ?? Date.now();
  const source = new EventSource(`/api/elders/${elderId}/live?since=${Math.round(since)}`);
  box.dataset.live = 'on';
  box.dataset.liveFixes = '0';
  delete box.dataset.lastFix;
  source.addEventListener('fix', e => {
    const fix = JSON.parse(e.data);
    if (last && fix.ts <= last.ts) return;
    const at = display(fix.lat, fix.lon);
    if (line) line.addLatLng(at);
    else if (last) line = drawTrack(view.layer, [last, fix]);
    if (marker) {
      marker.setLatLng(at);
      marker.setTooltipContent(label(fix.ts));
    } else {
      marker = drawFix(view.layer, fix.lat, fix.lon, label(fix.ts));
    }
    last = fix;
    count += 1;
    box.dataset.liveFixes = String(count);
    box.dataset.lastFix = `${fix.lat},${fix.lon}`;
    if (!view.map.getBounds().contains(at)) view.map.panTo(at, { animate: false });
  });
  return {
    close: () => {
      source.close();
      delete box.dataset.live;
    },
  };
}
