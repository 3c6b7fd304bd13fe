import { ActionIcon, Group, Text } from '@mantine/core';
import {
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';

const MIN = 1;
const MAX = 12;
const STEP = 1.5;
const PAN = 0.15; // of the view per arrow press
const DRAG = 4; // px before a press becomes a drag (a shorter one stays a click on a shape)

type View = { k: number; x: number; y: number };
const HOME: View = { k: 1, x: 0, y: 0 };

/** Keep the drawing covering the view: the offset of a drawing scaled by k stays within [size·(1 − k), 0]. */
function clamp(v: View, w: number, h: number): View {
  const k = Math.min(MAX, Math.max(MIN, v.k));
  return {
    k,
    x: Math.min(0, Math.max(w * (1 - k), v.x)),
    y: Math.min(0, Math.max(h * (1 - k), v.y)),
  };
}

function sizeOf(el: HTMLElement | null) {
  const r = el?.getBoundingClientRect();
  return { w: r?.width ?? 1, h: r?.height ?? 1 };
}

/**
 * Zoom and pan for a map drawing: buttons (zoom in, zoom out, reset), the keyboard on the focused map (+ / −,
 * arrows, 0 to reset), the mouse wheel around the pointer and dragging. A short press stays a click on the shape
 * under it. The drawing is scaled as a whole (CSS transform), so its links and titles are unchanged; the table below
 * a map stays the screen-reader way to the same figures.
 */
export function MapZoom({ children, label }: { children: ReactNode; label: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<View>(HOME);
  const drag = useRef<{ x: number; y: number; from: View; moved: boolean } | null>(null);
  const dragged = useRef(false);

  const size = () => sizeOf(ref.current);
  /** Zoom by a factor around a point of the view (its centre by default). */
  const zoom = useCallback((factor: number, at?: { x: number; y: number }) => {
    const { w, h } = sizeOf(ref.current);
    const p = at ?? { x: w / 2, y: h / 2 };
    setView((v) => {
      const k = Math.min(MAX, Math.max(MIN, v.k * factor));
      const f = k / v.k;
      return clamp({ k, x: p.x - (p.x - v.x) * f, y: p.y - (p.y - v.y) * f }, w, h);
    });
  }, []);
  const pan = (dx: number, dy: number) => {
    const { w, h } = size();
    setView((v) => clamp({ ...v, x: v.x + dx * w, y: v.y + dy * h }, w, h));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, () => void> = {
      '+': () => zoom(STEP),
      '=': () => zoom(STEP),
      '-': () => zoom(1 / STEP),
      '0': () => setView(HOME),
      ArrowLeft: () => pan(PAN, 0),
      ArrowRight: () => pan(-PAN, 0),
      ArrowUp: () => pan(0, PAN),
      ArrowDown: () => pan(0, -PAN),
    };
    const act = keys[e.key];
    if (!act || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    act();
  };
  // The wheel zooms around the pointer; a non-passive listener, so the page does not scroll meanwhile.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onWheel = (e: globalThis.WheelEvent) => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      zoom(e.deltaY < 0 ? 1.2 : 1 / 1.2, { x: e.clientX - r.left, y: e.clientY - r.top });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [zoom]);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    drag.current = { x: e.clientX, y: e.clientY, from: view, moved: false };
    dragged.current = false;
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < DRAG) return;
    if (!d.moved) {
      d.moved = true;
      e.currentTarget.setPointerCapture(e.pointerId);
    }
    const { w, h } = size();
    setView(clamp({ k: d.from.k, x: d.from.x + dx, y: d.from.y + dy }, w, h));
  };
  const onPointerUp = () => {
    dragged.current = drag.current?.moved ?? false;
    drag.current = null;
  };
  const onClickCapture = (e: MouseEvent<HTMLDivElement>) => {
    if (!dragged.current) return;
    // the end of a drag is not a click on the shape under the pointer
    e.preventDefault();
    e.stopPropagation();
    dragged.current = false;
  };

  return (
    <div>
      <Group gap={4} mb={4} wrap="wrap">
        <ActionIcon
          variant="default"
          aria-label={t('common.mapZoomIn')}
          onClick={() => zoom(STEP)}
          disabled={view.k >= MAX}
        >
          <span aria-hidden>+</span>
        </ActionIcon>
        <ActionIcon
          variant="default"
          aria-label={t('common.mapZoomOut')}
          onClick={() => zoom(1 / STEP)}
          disabled={view.k <= MIN}
        >
          <span aria-hidden>−</span>
        </ActionIcon>
        <ActionIcon
          variant="default"
          aria-label={t('common.mapZoomReset')}
          onClick={() => setView(HOME)}
          disabled={view.k === 1 && view.x === 0 && view.y === 0}
        >
          <span aria-hidden>⟲</span>
        </ActionIcon>
        <Text size="xs" c="dimmed" id="map-zoom-help">
          {t('common.mapZoomHelp')}
        </Text>
      </Group>
      {/* biome-ignore lint/a11y/useSemanticElements: a group of shapes, not a form's fieldset */}
      <div
        ref={ref}
        role="group"
        aria-label={label}
        aria-describedby="map-zoom-help"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the focused map takes the zoom and pan keys
        tabIndex={0}
        data-testid="map-zoom"
        data-zoom={view.k.toFixed(2)}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onClickCapture={onClickCapture}
        style={{
          overflow: 'hidden',
          touchAction: view.k > 1 ? 'none' : 'pan-y',
          cursor: view.k > 1 ? 'grab' : undefined,
          outlineOffset: 2,
          border: '1px solid var(--mantine-color-gray-3)',
          borderRadius: 4,
        }}
      >
        <div
          style={{
            transform: `translate(${view.x}px, ${view.y}px) scale(${view.k})`,
            transformOrigin: '0 0',
          }}
        >
          {children}
        </div>
      </div>
    </div>
  );
}
