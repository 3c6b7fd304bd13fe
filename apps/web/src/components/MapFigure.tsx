import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { MapAttribution } from './MapAttribution.js';
import { MapZoom } from './MapZoom.js';

/** A map with its caption (the title), zoomable on demand, and the attribution of its shapes under it. */
export function MapFigure({
  title,
  zoomable,
  children,
}: {
  title: string;
  zoomable?: boolean | undefined;
  children: ReactNode;
}) {
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>
        <Text size="sm" c="dimmed">
          {title}
        </Text>
      </figcaption>
      {zoomable ? <MapZoom label={title}>{children}</MapZoom> : children}
      <MapAttribution />
    </figure>
  );
}
