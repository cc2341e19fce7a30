// One elder as staff see them: who, where, devices, the Party member record when the API gives it, and a map with
// the safe zones, the last fix and a track.
import { api, query } from './api.js';
import { el } from './dom.js';
import { formatDateTime, t } from './i18n.js';
import { drawFix, drawHome, drawTrack, drawZone, fit } from './map.js';

export function facts(pairs) {
  return el('dl', { class: 'facts' }, pairs.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => [el('dt', { text: t(k) }), el('dd', { text: v })]));
}

/** The Party member record's fields as "name: value" lines, lists joined. */
function partyRecord(record) {
  return Object.entries(record).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join('、') : v}`).join('\n');
}

export function elderFacts(elder) {
  const devices = (elder.devices || []).map(d => `${d.id} (${d.online ? t('status.online') : t('status.offline')}`
    + `${d.bat !== null && d.bat !== undefined ? `, ${d.bat}%` : ''})`).join('; ');
  const party = elder.partyMemberSince || elder.partyBranch
    ? `${elder.partyBranch ?? ''} ${elder.partyMemberSince ? t('elder.since', { date: elder.partyMemberSince }) : ''}`
    : null;
  return el('div', { class: 'elder', 'data-elder-id': elder.id },
    el('h3', { text: elder.name }),
    facts([
      ['elder.phone', elder.phone], ['elder.address', elder.address], ['elder.landline', elder.landline],
      ['elder.area', [elder.township, elder.village].filter(Boolean).join(' · ')],
      ['elder.categories', (elder.categories || []).map(c => t(`category.${c}`)).join('、')],
      ['elder.party', party],
      ['elder.partyRecord', elder.partyRecord ? partyRecord(elder.partyRecord) : null],
      ['elder.devices', devices],
      ['elder.carers', (elder.carers || []).map(c => `${c.name} ${c.phone ?? ''}`).join('; ')],
    ]));
}

const TRACK_BEFORE_MS = 15 * 60 * 1000;

/** When the elder left the zone (a FENCE_EXIT alarm): the first fix of the track the gateway raised it with. */
export function leftAt(alarm) {
  const first = alarm.details?.track?.[0]?.ts;
  return first ?? alarm.openedAt - TRACK_BEFORE_MS;
}

/** The newer of the device's latest state and the track's last point (the state is written a little later). */
function newest(lastFix, lastPoint) {
  const point = lastPoint ? { lat: lastPoint.lat, lon: lastPoint.lon, at: lastPoint.ts } : null;
  if (!lastFix) return point;
  return point && point.at > lastFix.at ? point : lastFix;
}

/**
 * Draws the elder's zones, home, last fix and the track since {@code since} on the map view; answers the marker, the
 * track line and the last fix drawn ({lat, lon, ts}), each null when there is none, for following the elder live.
 */
export async function showOnMap(view, elder, since) {
  view.layer.clearLayers();
  for (const zone of elder.safeZones || []) if (zone.enabled !== false) drawZone(view.layer, zone);
  const [location, track] = await Promise.all([
    api.get(`/api/elders/${elder.id}/location`),
    api.get(`/api/elders/${elder.id}/track${query({ since: Math.round(since) })}`),
  ]);
  if (location.home?.lat !== null && location.home?.lat !== undefined) drawHome(view.layer, location.home.lat, location.home.lon);
  const line = track.points.length > 1 ? drawTrack(view.layer, track.points) : null;
  const fix = newest(location.lastFix, track.points[track.points.length - 1]);
  const marker = fix ? drawFix(view.layer, fix.lat, fix.lon, `${elder.name} ${formatDateTime(fix.at)}`) : null;
  view.map.invalidateSize();
  fit(view);
  return { marker, line, last: fix ? { lat: fix.lat, lon: fix.lon, ts: fix.at } : null };
}
