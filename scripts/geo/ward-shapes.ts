/**
 * The commune (ward) shapes of `data/geo/vn_wards_2025_simplified_2pct.topojson`, split at build time into one small
 * GeoJSON file per province, so a supervisor's browser downloads only the province it looks at (about 17 KB
 * compressed for TP Hồ Chí Minh's 168 communes) and needs no TopoJSON decoder. The web build (apps/web/vite.config.ts)
 * emits them as `geo/wards/<province code>.json`; the dev server serves the same bytes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** Where the shapes are shipped (repository root relative). */
export const WARDS_TOPOJSON = resolve(import.meta.dirname, '../../data/geo/vn_wards_2025_simplified_2pct.topojson');

/** Under this path of the web app, one file per province: `geo/wards/79.json`. */
export const WARD_SHAPES_PATH = 'geo/wards';

export type WardProps = { code: string; name: string };
export type WardShapes = FeatureCollection<Polygon | MultiPolygon, WardProps>;

type SourceProps = { code: string; name: string; fullName: string; provinceCode: string };

/** Four decimals of a degree are about 11 m: finer than the source's own quantisation (≈ 17 m). */
const DECIMALS = 4;
const round = (n: number) => Math.round(n * 10 ** DECIMALS) / 10 ** DECIMALS;

/** A ring rounded, with the points that rounding made repeat dropped (kept as it was if it would degenerate). */
function roundRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q = [round(p[0]!), round(p[1]!)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out.length >= 4 ? out : ring.map((p) => [round(p[0]!), round(p[1]!)]);
}

function roundGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(roundRing) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(roundRing)) };
}

/** The communes of every province, decoded from the topology: code (2025, five digits) and full name per shape. */
export function wardShapesByProvince(topology: Topology): Map<string, WardShapes> {
  const name = Object.keys(topology.objects)[0];
  if (!name) throw new Error('the wards topology has no object');
  const object = topology.objects[name] as GeometryCollection<SourceProps>;
  const all = feature(topology, object) as FeatureCollection<Polygon | MultiPolygon, SourceProps>;
  const byProvince = new Map<string, WardShapes>();
  for (const f of all.features) {
    const p = f.properties;
    let fc = byProvince.get(p.provinceCode);
    if (!fc) {
      fc = { type: 'FeatureCollection', features: [] };
      byProvince.set(p.provinceCode, fc);
    }
    const out: Feature<Polygon | MultiPolygon, WardProps> = {
      type: 'Feature',
      properties: { code: p.code, name: p.fullName },
      geometry: roundGeometry(f.geometry),
    };
    fc.features.push(out);
  }
  for (const fc of byProvince.values()) fc.features.sort((a, b) => a.properties.code.localeCompare(b.properties.code));
  return byProvince;
}

/** The files to write: `geo/wards/<province code>.json` → its GeoJSON text. */
export function wardShapeFiles(topologyText: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const [province, fc] of wardShapesByProvince(JSON.parse(topologyText) as Topology)) {
    files.set(`${WARD_SHAPES_PATH}/${province}.json`, JSON.stringify(fc));
  }
  return files;
}

/** The shipped file's per-province shapes (read once per build or dev server). */
export function shippedWardShapeFiles(): Map<string, string> {
  return wardShapeFiles(readFileSync(WARDS_TOPOJSON, 'utf8'));
}
