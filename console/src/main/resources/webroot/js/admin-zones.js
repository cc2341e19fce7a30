// Safe zones drawn on the map: a circle is a click for the centre and a radius, a polygon is a click per corner.
// The map may be shifted for display (GCJ-02); clicks are turned back into WGS-84 before they are stored.
import { api, query } from './api.js';
import { $, el, fill } from './dom.js';
import { t } from './i18n.js';
import { createMap, display, drawHome, drawZone, fit, stored } from './map.js';
import { attempt } from './shell.js';

export async function zonesView(panel) {
  const elderId = el('input', { id: 'zone-elder', type: 'number', min: 1 });
  const kind = el('select', { id: 'zone-kind' }, ['CIRCLE', 'POLYGON'].map(k => el('option', { value: k, text: t(`zone.${k}`) })));
  const name = el('input', { id: 'zone-name', type: 'text', value: t('zone.defaultName') });
  const radius = el('input', { id: 'zone-radius', type: 'number', min: 20, value: 300 });
  const mapBox = el('div', { id: 'zone-map', class: 'map' });
  const save = el('button', { class: 'primary', type: 'button', id: 'zone-save', text: t('zone.save') });
  const clearButton = el('button', { type: 'button', id: 'zone-clear', text: t('zone.clear') });
  fill(panel, el('h2', { text: t('admin.safe-zones') }),
    el('div', { class: 'form-grid' }, el('label', { for: 'zone-elder', text: t('field.elderId') }), elderId,
      el('label', { for: 'zone-kind', text: t('field.kind') }), kind, el('label', { for: 'zone-name', text: t('field.name') }), name,
      el('label', { for: 'zone-radius', text: t('field.radiusM') }), radius),
    el('p', { class: 'muted', text: t('zone.help') }), mapBox, el('div', { class: 'actions' }, save, clearButton),
    el('ul', { id: 'zone-list' }));
  const view = createMap(mapBox);
  const draft = view.L.layerGroup().addTo(view.map);
  let points = [];
  const redraw = () => {
    draft.clearLayers();
    if (!points.length) return;
    if (kind.value === 'CIRCLE') {
      view.L.circle(display(...points[0]), { radius: Number(radius.value), color: '#175cd3' }).addTo(draft);
    } else {
      view.L.polygon(points.map(p => display(...p)), { color: '#175cd3' }).addTo(draft);
    }
  };
  view.map.on('click', e => {
    const point = stored(e.latlng.lat, e.latlng.lng);
    points = kind.value === 'CIRCLE' ? [point] : [...points, point];
    redraw();
  });
  radius.addEventListener('input', redraw);
  kind.addEventListener('change', () => { points = []; redraw(); });
  clearButton.addEventListener('click', () => { points = []; redraw(); });
  const load = async () => {
    if (!elderId.value) return;
    const elder = await api.get(`/api/elders/${Number(elderId.value)}`);
    const zones = await api.get(`/api/admin/safe-zones${query({ elderId: elder.id })}`);
    view.layer.clearLayers();
    if (elder.homeLat !== null && elder.homeLat !== undefined) drawHome(view.layer, elder.homeLat, elder.homeLon);
    zones.items.forEach(z => drawZone(view.layer, z));
    fill($('#zone-list', panel), zones.items.map(z => el('li', { 'data-zone-id': z.id, text: `${z.name} (${t(`zone.${z.kind}`)})` })));
    fit(view);
  };
  elderId.addEventListener('change', () => attempt(load));
  save.addEventListener('click', async () => {
    const body = { elderId: Number(elderId.value), name: name.value, kind: kind.value, enabled: true };
    if (kind.value === 'CIRCLE' && points.length === 1) {
      Object.assign(body, { centerLat: points[0][0], centerLon: points[0][1], radiusM: Number(radius.value) });
    } else if (kind.value === 'POLYGON' && points.length >= 3) {
      body.polygon = points;
    } else {
      attempt(() => Promise.reject(new Error(t('zone.incomplete'))));
      return;
    }
    const zone = await attempt(() => api.post('/api/admin/safe-zones', body), t('done.saved'));
    if (zone) {
      points = [];
      redraw();
      await load();
    }
  });
}
