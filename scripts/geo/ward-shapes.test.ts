import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoArea, geoContains } from 'd3-geo';
import { beforeAll, describe, expect, it } from 'vitest';
import { shippedWardShapeFiles, type WardShapes } from './ward-shapes.js';

const centroidsCsv = join(import.meta.dirname, '../../data/geo/ward-centroids-2025.csv');

describe('commune shapes split per province for the web build', () => {
  let files: Map<string, string>;
  let shapes: Map<string, WardShapes>;
  beforeAll(() => {
    files = shippedWardShapeFiles();
    shapes = new Map([...files].map(([path, text]) => [path, JSON.parse(text) as WardShapes]));
  });

  it('writes one file per province with every commune once, by its 2025 code', () => {
    expect(files.size).toBe(34);
    expect([...files.keys()]).toContain('geo/wards/79.json');
    const codes = [...shapes.values()].flatMap((fc) => fc.features.map((f) => f.properties.code));
    expect(codes).toHaveLength(3321);
    expect(new Set(codes).size).toBe(3321);
    for (const c of codes) expect(c).toMatch(/^\d{5}$/);
    const hcm = shapes.get('geo/wards/79.json')!;
    expect(hcm.features.find((f) => f.properties.code === '26743')?.properties.name).toBe('Phường Bến Thành');
    // Hà Nội's communes are not in Hồ Chí Minh's file
    expect(hcm.features.some((f) => f.properties.code === '00004')).toBe(false);
  });

  it('draws each commune as a region (not the globe minus it) that holds its published centroid', () => {
    const centroid = new Map<string, [number, number]>();
    const [header, ...lines] = readFileSync(centroidsCsv, 'utf8').trim().split('\n');
    const col = header!.split(',');
    const [code, lat, lon] = ['wardCode', 'wardLat', 'wardLon'].map((c) => col.indexOf(c));
    for (const line of lines) {
      const f = line.split(',');
      centroid.set(f[code!]!.padStart(5, '0'), [Number(f[lon!]), Number(f[lat!])]);
    }
    let inside = 0;
    let total = 0;
    for (const fc of shapes.values()) {
      for (const f of fc.features) {
        expect(geoArea(f)).toBeLessThan(2 * Math.PI);
        const c = centroid.get(f.properties.code);
        if (!c) continue;
        total++;
        if (geoContains(f, c)) inside++;
      }
    }
    // a centroid can fall outside a crescent-shaped commune; nearly all must be inside their own shape
    expect(total).toBeGreaterThan(3000);
    expect(inside / total).toBeGreaterThan(0.95);
  });

  it('keeps a province small: four decimals, no repeated points', () => {
    const faults: string[] = [];
    const r4 = (n: number) => Math.round(n * 1e4) / 1e4;
    for (const [path, text] of files) {
      expect(text.length, path).toBeLessThan(250_000);
      for (const f of shapes.get(path)!.features) {
        const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
        for (const ring of rings) {
          if (ring.length < 4) faults.push(`${f.properties.code}: a ring of ${ring.length} points`);
          ring.forEach(([x, y], i) => {
            if (x !== r4(x!) || y !== r4(y!)) faults.push(`${f.properties.code}: ${x},${y} not rounded`);
            const prev = ring[i - 1];
            if (prev && prev[0] === x && prev[1] === y) faults.push(`${f.properties.code}: ${x},${y} repeated`);
          });
        }
      }
    }
    expect(faults).toEqual([]);
  });
});
