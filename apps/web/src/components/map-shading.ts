/** The shading the metric maps share (provinces, communes) and their legend: light to dark teal as a 0–1 value grows. */
/** A place on a metric map without a value (no dossiers in the period): grey, apart from the teal scale. */
export const NO_DATA_FILL = 'var(--mantine-color-gray-2)';
/** A map that shows no metric (a place picker, the units browser). */
export const PLAIN_FILL = 'var(--mantine-color-blue-1)';
export const SELECTED_FILL = 'var(--mantine-color-red-8)';
export const STROKE = 'var(--mantine-color-blue-7)';

/** The fill of a value 0–1 (clamped). */
export function shade(v: number): string {
  return `color-mix(in srgb, var(--mantine-color-teal-8) ${Math.round(15 + 85 * Math.max(0, Math.min(1, v)))}%, white)`;
}

/** The legend's steps: 0, 25, 50, 75 and 100 %. */
export const LEGEND_STEPS = [0, 0.25, 0.5, 0.75, 1] as const;
