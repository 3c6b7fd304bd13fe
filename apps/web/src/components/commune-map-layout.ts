import { geoCentroid, geoDistance, geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export type CommuneFeature = Feature<Polygon | MultiPolygon, { code: string; name: string }>;
export type Communes = FeatureCollection<Polygon | MultiPolygon, { code: string; name: string }>;

export type DrawnCommune = { code: string; name: string; d: string };
export type Inset = { x: number; y: number; size: number; name: string; commune: DrawnCommune };
export type CommuneLayout = {
  width: number;
  height: number;
  main: DrawnCommune[];
  insets: Inset[];
};

const EARTH_KM = 6371;
const INSET = 150;
const GAP = 12;

/**
 * The communes far from the rest of their province: offshore special zones (Côn Đảo, Bạch Long Vĩ, Thổ Châu,
 * Hoàng Sa, Trường Sa). Drawn at one scale with the mainland they would shrink it to a corner, so each gets an inset
 * of its own below the map, as printed maps of Vietnam do. Outlying: its centre is more than twice as far from the
 * province's median centre as nine communes in ten are, and more than 30 km.
 */
export function outlying(features: readonly CommuneFeature[]): Set<string> {
  if (features.length < 4) return new Set();
  const centres = features.map((f) => geoCentroid(f));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const mid: [number, number] = [median(centres.map((c) => c[0])), median(centres.map((c) => c[1]))];
  const km = centres.map((c) => geoDistance(c, mid) * EARTH_KM);
  const p90 = [...km].sort((a, b) => a - b)[Math.floor(km.length * 0.9)]!;
  const limit = Math.max(30, 2 * p90);
  return new Set(features.filter((_, i) => km[i]! > limit).map((f) => f.properties.code));
}

/** SVG paths of a province's communes at most `width` wide and tall, outlying ones in insets below the mainland. */
export function layoutCommunes(fc: Communes, width: number): CommuneLayout {
  const far = outlying(fc.features);
  const mainland: Communes = {
    type: 'FeatureCollection',
    features: fc.features.filter((f) => !far.has(f.properties.code)),
  };
  // the mainland fitted into width × width: a tall province is narrower rather than taller than the page
  const projection = geoMercator().fitExtent(
    [
      [0, 0],
      [width, width],
    ],
    mainland,
  );
  // fitExtent centres the mainland in the square: move it to the top left corner, so the drawing is its own size
  const [[x0, y0]] = geoPath(projection).bounds(mainland);
  const [tx, ty] = projection.translate();
  projection.translate([tx - x0, ty - y0]);
  const path = geoPath(projection);
  const draw = (f: CommuneFeature, p = path): DrawnCommune => ({
    code: f.properties.code,
    name: f.properties.name,
    d: p(f) ?? '',
  });
  const main = mainland.features.map((f) => draw(f));
  const [, [x1, y1]] = path.bounds(mainland);
  const mainHeight = Math.ceil(y1);
  const perRow = Math.max(1, Math.floor((width + GAP) / (INSET + GAP)));
  const insets = fc.features
    .filter((f) => far.has(f.properties.code))
    .map((f, i): Inset => {
      const x = (i % perRow) * (INSET + GAP);
      const y = mainHeight + GAP + Math.floor(i / perRow) * (INSET + GAP);
      const pad = 10;
      const p = geoPath(
        geoMercator().fitExtent(
          [
            [x + pad, y + pad + 14],
            [x + INSET - pad, y + INSET - pad],
          ],
          f,
        ),
      );
      return { x, y, size: INSET, name: f.properties.name, commune: draw(f, p) };
    });
  const rows = Math.ceil(insets.length / perRow);
  const used = Math.max(x1, insets.length ? Math.min(insets.length, perRow) * (INSET + GAP) - GAP : 0);
  return {
    width: Math.ceil(used),
    height: mainHeight + (rows ? GAP + rows * (INSET + GAP) - GAP : 0),
    main,
    insets,
  };
}
