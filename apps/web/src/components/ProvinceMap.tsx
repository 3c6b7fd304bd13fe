import { Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { geoArea, geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { type MouseEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MapFigure } from './MapFigure.js';
import { NO_DATA_FILL, PLAIN_FILL, SELECTED_FILL, STROKE, shade } from './map-shading.js';

type ProvinceProps = { code: string; name: string; fullName: string; fullNameEn: string };
type Provinces = FeatureCollection<Geometry, ProvinceProps>;

/**
 * The 34 provinces in force since 1 July 2025, drawn offline from the shipped shapes (data/geo, display only).
 * The file is loaded on demand, so pages without a map do not carry it.
 */
function useProvinceShapes() {
  return useQuery({
    queryKey: ['geo', 'provinces-2025'],
    queryFn: async () => {
      const raw = (await import('../../../../data/geo/vn_provinces_2025_simplified_5pct.geojson?raw')).default;
      return rewind(JSON.parse(raw) as Provinces);
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * d3-geo reads a ring wound the other way as "the whole globe minus the province". The shipped shapes use the
 * planar (clockwise) winding, so any shape covering more than half the sphere has its rings reversed.
 */
function rewind(fc: Provinces): Provinces {
  for (const f of fc.features) {
    if (geoArea(f) <= 2 * Math.PI) continue;
    const g = f.geometry;
    if (g.type === 'Polygon') g.coordinates = g.coordinates.map((r) => [...r].reverse());
    else if (g.type === 'MultiPolygon') g.coordinates = g.coordinates.map((p) => p.map((r) => [...r].reverse()));
  }
  return fc;
}

// Hoàng Sa and Trường Sa are part of the map, so the extent is about as wide as it is tall.
const WIDTH = 600;
const HEIGHT = 640;

export type ProvinceMapProps = {
  /** Province codes with a value 0–1 to shade (e.g. the on-time rate); others are drawn plain. */
  values?: Readonly<Record<string, number>> | undefined;
  selected?: string | undefined;
  /** The address of a province's page: each shape becomes a link (keyboard and screen readers included). */
  hrefOf?: ((code: string) => string) | undefined;
  /** Called instead of following the link, to select in place. */
  onSelect?: ((code: string) => void) | undefined;
  /** Text for a province's value in its label, e.g. "98 % đúng hạn". */
  describe?: ((code: string, value: number) => string) | undefined;
  title: string;
  /** Called with the place clicked (latitude, longitude), to pick a location; a marker shows `marker`. */
  onPick?: ((p: { lat: number; long: number }) => void) | undefined;
  marker?: { lat: number; long: number } | undefined;
  /** Zoom and pan controls around the drawing (the dashboard's map). */
  zoomable?: boolean | undefined;
};

/** A province map: every province is a labelled shape, a link when `hrefOf` is given. */
export function ProvinceMap({
  values,
  selected,
  hrefOf,
  onSelect,
  describe,
  title,
  onPick,
  marker,
  zoomable,
}: ProvinceMapProps) {
  const { t, i18n } = useTranslation();
  const shapes = useProvinceShapes();
  const { paths, projection } = useMemo(() => {
    if (!shapes.data) return { paths: [], projection: undefined };
    const projection = geoMercator().fitSize([WIDTH, HEIGHT], shapes.data);
    const path = geoPath(projection);
    const paths = shapes.data.features.map((f: Feature<Geometry, ProvinceProps>) => ({
      code: f.properties.code,
      name: i18n.language === 'en' ? f.properties.fullNameEn : f.properties.fullName,
      d: path(f) ?? '',
    }));
    return { paths, projection };
  }, [shapes.data, i18n.language]);
  const markerAt = marker && projection ? projection([marker.long, marker.lat]) : null;
  const pick = (e: MouseEvent<SVGSVGElement>) => {
    const svg = e.currentTarget;
    const ctm = svg.getScreenCTM();
    if (!onPick || !projection || !ctm) return;
    const pt = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    const ll = projection.invert?.([pt.x, pt.y]);
    if (ll) onPick({ lat: Math.round(ll[1] * 1e5) / 1e5, long: Math.round(ll[0] * 1e5) / 1e5 });
  };

  if (shapes.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (shapes.isError) return <Text c="red">{t('common.error')}</Text>;

  const fillOf = (code: string) => {
    if (code === selected) return SELECTED_FILL;
    const v = values?.[code];
    if (v === undefined) return values ? NO_DATA_FILL : PLAIN_FILL;
    return shade(v);
  };
  const svg = (
    <>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: picking a point is optional; the form works without it */}
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        style={{ display: 'block', width: '100%', maxHeight: 640, cursor: onPick ? 'crosshair' : undefined }}
        onClick={onPick ? pick : undefined}
      >
        <title>{title}</title>
        {paths.map((p) => {
          const v = values?.[p.code];
          const label = v !== undefined && describe ? `${p.name}: ${describe(p.code, v)}` : p.name;
          const shape = (
            <path key="shape" d={p.d} fill={fillOf(p.code)} stroke={STROKE} strokeWidth={0.6}>
              <title>{label}</title>
            </path>
          );
          return hrefOf ? (
            <a
              key={p.code}
              href={hrefOf(p.code)}
              data-province={p.code}
              aria-label={label}
              aria-current={p.code === selected ? 'true' : undefined}
              onClick={(e) => {
                if (!onSelect) return;
                e.preventDefault();
                onSelect(p.code);
              }}
            >
              {shape}
            </a>
          ) : (
            <g key={p.code} data-province={p.code}>
              {shape}
            </g>
          );
        })}
        {markerAt && (
          <circle
            cx={markerAt[0]}
            cy={markerAt[1]}
            r={6}
            fill="var(--mantine-color-red-8)"
            stroke="white"
            strokeWidth={2}
          />
        )}
      </svg>
    </>
  );
  return (
    <MapFigure title={title} zoomable={zoomable}>
      {svg}
    </MapFigure>
  );
}
