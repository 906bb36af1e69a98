/**
 * The map's marker for each relationship tier. Tiers differ in shape as well as colour, so the
 * map and its legend can be read without telling colours apart.
 */
import type { Relationship } from '../../../shared/api/client';

export type MarkerKind = Relationship | 'home';

/** An SVG path of the marker centred on 0,0, about `size` across. */
export function markerPath(kind: MarkerKind, size: number): string {
  const r = size / 2;
  switch (kind) {
    case 'twin': // diamond
      return `M0,${-r * 1.25}L${r * 1.25},0L0,${r * 1.25}L${-r * 1.25},0Z`;
    case 'honorary_twin': // triangle
      return `M0,${-r * 1.3}L${r * 1.2},${r * 0.85}L${-r * 1.2},${r * 0.85}Z`;
    case 'partner': // circle
      return `M${-r},0A${r},${r} 0 1,0 ${r},0A${r},${r} 0 1,0 ${-r},0Z`;
    case 'informal': // square
      return `M${-r * 0.85},${-r * 0.85}H${r * 0.85}V${r * 0.85}H${-r * 0.85}Z`;
    case 'home': // five-pointed star
      return starPath(r * 1.6, r * 0.7);
  }
}

function starPath(outer: number, inner: number): string {
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = (Math.PI / 5) * i - Math.PI / 2;
    points.push(`${(radius * Math.cos(angle)).toFixed(2)},${(radius * Math.sin(angle)).toFixed(2)}`);
  }
  return `M${points.join('L')}Z`;
}

/** The marker as a small standalone icon (legend, list); decorative, since a text label always goes with it. */
export function MarkerIcon({ kind }: { kind: MarkerKind }) {
  return (
    <svg class="marker-icon" viewBox="-10 -10 20 20" width="16" height="16" aria-hidden="true" focusable="false">
      <path class={`marker marker--${kind}`} d={markerPath(kind, 11)} />
    </svg>
  );
}
