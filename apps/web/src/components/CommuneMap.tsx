import { Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Communes, type DrawnCommune, layoutCommunes } from './commune-map-layout.js';
import { MapFigure } from './MapFigure.js';
import { NO_DATA_FILL, STROKE, shade } from './map-shading.js';

/**
 * One province's communes and wards (2025), from the static file the web build cuts per province out of
 * data/geo's TopoJSON (scripts/geo/ward-shapes.ts): about 17 KB compressed for TP Hồ Chí Minh, fetched on demand.
 */
function useCommuneShapes(provinceCode: string) {
  return useQuery({
    queryKey: ['geo', 'wards-2025', provinceCode],
    queryFn: async () => {
      const res = await fetch(`${import.meta.env.BASE_URL}geo/wards/${encodeURIComponent(provinceCode)}.json`);
      if (!res.ok) throw new Error(`geo/wards/${provinceCode}.json: ${res.status}`);
      return (await res.json()) as Communes;
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

const WIDTH = 600;

export type CommuneMapProps = {
  provinceCode: string;
  /** Commune codes (2025, five digits) with a value 0–1 to shade; the others are drawn as "no data". */
  values: Readonly<Record<string, number>>;
  /** The value's text in a commune's title, e.g. "Tỷ lệ trực tuyến: 84,2 %". */
  describe: (code: string, value: number) => string;
  /** The title of a commune without a value. */
  noData: string;
  /** The address a commune opens; `onSelect` is called instead of following it (client-side navigation). */
  hrefOf: (code: string) => string;
  onSelect?: ((code: string) => void) | undefined;
  title: string;
  /** Zoom and pan controls around the drawing (the dashboard's map). */
  zoomable?: boolean;
};

/**
 * A province's communes shaded by a value, each a link to the commune with a title giving its name and value.
 * The shapes stay out of the tab order (a large province has hundreds): the table of communes beside the map is the
 * keyboard and screen-reader way to the same figures and links. Offshore special zones get an inset each.
 */
export function CommuneMap({
  provinceCode,
  values,
  describe,
  noData,
  hrefOf,
  onSelect,
  title,
  zoomable,
}: CommuneMapProps) {
  const { t } = useTranslation();
  const shapes = useCommuneShapes(provinceCode);
  const drawn = useMemo(() => (shapes.data ? layoutCommunes(shapes.data, WIDTH) : undefined), [shapes.data]);

  const shape = (p: DrawnCommune) => {
    const v = values[p.code];
    const label = `${p.name}: ${v === undefined ? noData : describe(p.code, v)}`;
    return (
      <a
        key={p.code}
        href={hrefOf(p.code)}
        tabIndex={-1}
        data-commune={p.code}
        aria-label={label}
        onClick={(e) => {
          if (!onSelect || e.ctrlKey || e.metaKey || e.shiftKey) return;
          e.preventDefault();
          onSelect(p.code);
        }}
      >
        <path d={p.d} fill={v === undefined ? NO_DATA_FILL : shade(v)} stroke={STROKE} strokeWidth={0.5}>
          <title>{label}</title>
        </path>
      </a>
    );
  };

  if (shapes.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (shapes.isError || !drawn) return <Text c="red">{t('common.error')}</Text>;
  const svg = (
    <svg
      viewBox={`0 0 ${drawn.width} ${drawn.height}`}
      style={{ display: 'block', width: '100%', maxWidth: drawn.width }}
      data-testid="commune-map"
    >
      <title>{title}</title>
      {drawn.main.map((p) => shape(p))}
      {drawn.insets.map((inset) => (
        <g key={inset.commune.code}>
          <rect
            x={inset.x}
            y={inset.y}
            width={inset.size}
            height={inset.size}
            fill="none"
            stroke="var(--mantine-color-gray-5)"
          />
          <text x={inset.x + 6} y={inset.y + 14} fontSize={11} fill="var(--mantine-color-gray-7)" aria-hidden>
            {inset.name}
          </text>
          {shape(inset.commune)}
        </g>
      ))}
    </svg>
  );
  return (
    <MapFigure title={title} zoomable={zoomable}>
      {svg}
    </MapFigure>
  );
}
