// Maps: positions are stored WGS-84; with ANXIN_MAP_CRS=gcj02 they are shifted for display only, to sit on a
// national tile source. Without a tile source the map still draws zones, fixes and tracks on a blank background.
import * as L from '/ui/lib/leaflet/1.9.4/dist/leaflet-src.esm.js';

let config = { tilesUrl: '', tilesAttribution: '', crs: 'wgs84' };

export function configureMaps(c) {
  config = c;
}

const A = 6378245.0;
const EE = 0.00669342162296594323;

function outsideChina(lat, lon) {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function shiftLat(x, y) {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
  r += (20 * Math.sin(y * Math.PI) + 40 * Math.sin(y / 3 * Math.PI)) * 2 / 3;
  return r + (160 * Math.sin(y / 12 * Math.PI) + 320 * Math.sin(y * Math.PI / 30)) * 2 / 3;
}

function shiftLon(x, y) {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
  r += (20 * Math.sin(x * Math.PI) + 40 * Math.sin(x / 3 * Math.PI)) * 2 / 3;
  return r + (150 * Math.sin(x / 12 * Math.PI) + 300 * Math.sin(x / 30 * Math.PI)) * 2 / 3;
}

/** WGS-84 to GCJ-02 (the published national offset); unchanged outside China. */
export function toGcj02(lat, lon) {
  if (outsideChina(lat, lon)) return [lat, lon];
  let dLat = shiftLat(lon - 105, lat - 35);
  let dLon = shiftLon(lon - 105, lat - 35);
  const rad = lat / 180 * Math.PI;
  const magic = 1 - EE * Math.sin(rad) ** 2;
  const sq = Math.sqrt(magic);
  dLat = dLat * 180 / ((A * (1 - EE)) / (magic * sq) * Math.PI);
  dLon = dLon * 180 / (A / sq * Math.cos(rad) * Math.PI);
  return [lat + dLat, lon + dLon];
}

/** GCJ-02 back to WGS-84 by iteration (a click on a shifted map is stored WGS-84). */
export function fromGcj02(lat, lon) {
  let [wLat, wLon] = [lat, lon];
  for (let i = 0; i < 5; i++) {
    const [gLat, gLon] = toGcj02(wLat, wLon);
    wLat += lat - gLat;
    wLon += lon - gLon;
  }
  return [wLat, wLon];
}

export const display = (lat, lon) => (config.crs === 'gcj02' ? toGcj02(lat, lon) : [lat, lon]);
export const stored = (lat, lon) => (config.crs === 'gcj02' ? fromGcj02(lat, lon) : [lat, lon]);

/** A map in the element, with the configured tiles if any; answers the Leaflet map and a layer for our shapes. */
export function createMap(element, center = [30.1, 120.1], zoom = 14) {
  const map = L.map(element, { zoomControl: true, attributionControl: Boolean(config.tilesUrl) });
  if (config.tilesUrl) {
    L.tileLayer(config.tilesUrl, { attribution: config.tilesAttribution, maxZoom: 19 }).addTo(map);
  } else {
    element.classList.add('no-tiles');
  }
  map.setView(display(...center), zoom);
  const layer = L.layerGroup().addTo(map);
  return { map, layer, L };
}

export function drawZone(target, zone) {
  const style = { color: '#1a7f37', weight: 2, fillOpacity: 0.08 };
  if (zone.kind === 'CIRCLE' && zone.centerLat !== null) {
    return L.circle(display(zone.centerLat, zone.centerLon), { ...style, radius: zone.radiusM }).addTo(target);
  }
  if (zone.kind === 'POLYGON' && Array.isArray(zone.polygon)) {
    return L.polygon(zone.polygon.map(p => display(p[0], p[1])), style).addTo(target);
  }
  return null;
}

export function drawFix(target, lat, lon, label) {
  const marker = L.circleMarker(display(lat, lon), { radius: 8, color: '#b42318', fillColor: '#f04438',
    fillOpacity: 0.9 }).addTo(target);
  if (label) marker.bindTooltip(label);
  return marker;
}

export function drawTrack(target, points) {
  return L.polyline(points.map(p => display(p.lat, p.lon)), { color: '#175cd3', weight: 3 }).addTo(target);
}

export function drawHome(target, lat, lon) {
  return L.circleMarker(display(lat, lon), { radius: 6, color: '#344054', fillColor: '#98a2b3', fillOpacity: 0.9 })
    .addTo(target);
}

/** Shows everything on the layer, or stays put when it is empty. */
export function fit(view) {
  const bounds = L.featureGroup(view.layer.getLayers()).getBounds();
  if (bounds.isValid()) view.map.fitBounds(bounds.pad(0.3), { maxZoom: 16, animate: false });
}
