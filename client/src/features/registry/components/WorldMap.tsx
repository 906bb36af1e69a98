/**
 * The partner cities on a world map drawn entirely in the browser from bundled Natural Earth data
 * (world-atlas + d3-geo + topojson-client) as inline SVG: no tiles, no network, nothing for the
 * CSP to block. Every partner city is a link to its page; the home city is marked by a star.
 */
import countries110m from 'world-atlas/countries-110m.json';
import { geoAzimuthalEqualArea, geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import { useMemo, useState } from 'preact/hooks';
import { RELATIONSHIPS, type City, type HomeCity } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n/i18n';
import { followLink } from '../../../shared/router';
import { markerPath, MarkerIcon, type MarkerKind } from './TierMarker';

const WIDTH = 960;
const LAND = feature(countries110m, countries110m.objects.land);
const BORDERS = mesh(countries110m, countries110m.objects.countries, (a, b) => a !== b);

type MapView = 'world' | 'europe';

interface Frame {
  projection: GeoProjection;
  viewBox: [number, number, number, number];
  land: string;
  borders: string;
}

/** The world without Antarctica and the far north, where no partner city is. */
function worldFrame(): Frame {
  const projection = geoNaturalEarth1().fitWidth(WIDTH, { type: 'Sphere' });
  const top = projection([0, 84])![1];
  const bottom = projection([0, -58])![1];
  return frame(projection, [0, top, WIDTH, bottom - top]);
}

/** Europe, where most partner cities are too close together to tell apart on the world map. */
function europeFrame(height: number, cities: readonly { lon: number; lat: number }[]): Frame {
  const projection = geoAzimuthalEqualArea()
    .rotate([-12, -50])
    .fitExtent(
      [
        [40, 30],
        [WIDTH - 40, height - 30],
      ],
      { type: 'MultiPoint', coordinates: cities.map((c) => [c.lon, c.lat]) },
    );
  return frame(projection, [0, 0, WIDTH, height]);
}

function frame(projection: GeoProjection, viewBox: Frame['viewBox']): Frame {
  const path = geoPath(projection).digits(1);
  return { projection, viewBox, land: path(LAND) ?? '', borders: path(BORDERS) ?? '' };
}

interface WorldMapProps {
  cities: readonly City[];
  home?: HomeCity;
  /** Keys of the cities that match the list's filters; the others are greyed out. Undefined: all match. */
  matching?: ReadonlySet<string>;
}

export function WorldMap({ cities, home, matching }: WorldMapProps) {
  const { m, placeName } = useI18n();
  const [view, setView] = useState<MapView>('world');

  const world = useMemo(worldFrame, []);
  const current = useMemo(() => {
    if (view === 'world') return world;
    const european = cities.filter((c) => c.inEurope);
    return europeFrame(world.viewBox[3], home ? [...european, home] : european);
  }, [view, world, cities, home]);

  // Tab goes through the points from west to east, the way the map is read.
  const westToEast = useMemo(() => [...cities].sort((a, b) => a.lon - b.lon), [cities]);

  const [minX, minY, width, height] = current.viewBox;
  const place = (lon: number, lat: number): [number, number] | undefined => {
    const point = current.projection([lon, lat]);
    if (!point) return undefined;
    const [x, y] = point;
    // Cities outside the frame (overseas in the Europe view) are left out rather than drawn off-screen.
    return x >= minX && x <= minX + width && y >= minY && y <= minY + height ? point : undefined;
  };
  const homePoint = home && place(home.lon, home.lat);
  const markerSize = view === 'world' ? 11 : 14;

  // The city under the pointer or keyboard focus: its name and a ring are drawn above all the
  // points, so neighbours in crowded Europe cannot hide them.
  const [activeKey, setActiveKey] = useState<string>();
  const activeCity = cities.find((city) => city.key === activeKey);
  const activePoint = activeCity && place(activeCity.lon, activeCity.lat);
  const leave = (key: string) => setActiveKey((current) => (current === key ? undefined : current));

  return (
    <div class="world-map">
      <div class="map-view-switch" role="group" aria-label={m.cities.mapView}>
        {(['world', 'europe'] as const).map((option) => (
          <button type="button" aria-pressed={view === option} onClick={() => setView(option)} key={option}>
            {option === 'world' ? m.cities.mapWorld : m.cities.mapEurope}
          </button>
        ))}
      </div>
      <svg class="map" viewBox={current.viewBox.join(' ')} role="group" aria-label={m.cities.mapLabel}>
        <rect class="map-sea" x={minX} y={minY} width={width} height={height} aria-hidden="true" />
        <path class="map-land" d={current.land} aria-hidden="true" />
        <path class="map-borders" d={current.borders} aria-hidden="true" />
        {westToEast.map((city) => {
          const point = place(city.lon, city.lat);
          if (!point) return null;
          const dimmed = matching !== undefined && !matching.has(city.key);
          const href = `/cities/${city.key}`;
          const name = placeName(city);
          return (
            <a
              key={city.key}
              href={href}
              class={`map-point${dimmed ? ' is-dimmed' : ''}`}
              data-city-key={city.key}
              data-relationship={city.relationship}
              aria-label={`${name}: ${m.relationship[city.relationship]}`}
              // A greyed-out city stays clickable but leaves the tab order: the filtered list is the way to it.
              // (Lower-case: in SVG, Preact sets attributes verbatim and "tabIndex" would mean nothing.)
              tabindex={dimmed ? -1 : undefined}
              aria-hidden={dimmed ? 'true' : undefined}
              onClick={(event) => followLink(event, href)}
              onFocus={() => setActiveKey(city.key)}
              onBlur={() => leave(city.key)}
              onMouseEnter={() => setActiveKey(city.key)}
              onMouseLeave={() => leave(city.key)}
            >
              <title>{name}</title>
              <g transform={`translate(${point[0].toFixed(1)},${point[1].toFixed(1)})`}>
                <MapMarker kind={city.relationship} size={markerSize} />
              </g>
            </a>
          );
        })}
        {home && homePoint && (
          <g
            class="map-point map-point--home"
            data-city-key={home.key}
            role="img"
            aria-label={placeName(home)}
            transform={`translate(${homePoint[0].toFixed(1)},${homePoint[1].toFixed(1)})`}
          >
            <MapMarker kind="home" size={markerSize * 1.3} />
            {!activeCity && (
              <text class="map-label" x={markerSize * 1.3} y={-markerSize / 2}>
                {placeName(home)}
              </text>
            )}
          </g>
        )}
        {activeCity && activePoint && (
          <g
            class="map-callout"
            transform={`translate(${activePoint[0].toFixed(1)},${activePoint[1].toFixed(1)})`}
            aria-hidden="true"
          >
            <circle class="map-callout__ring" r={markerSize * 1.1} />
            <text
              class="map-label"
              // Near the right edge the name goes to the left of the point, so it stays inside the map.
              text-anchor={activePoint[0] > minX + width * 0.8 ? 'end' : 'start'}
              x={activePoint[0] > minX + width * 0.8 ? -markerSize * 1.4 : markerSize * 1.4}
              y={markerSize / 3}
            >
              {placeName(activeCity)}
            </text>
          </g>
        )}
      </svg>
      {matching && <p class="map-note">{m.cities.mapFilteredNote}</p>}
      <MapLegend cities={cities} />
    </div>
  );
}

function MapMarker({ kind, size }: { kind: MarkerKind; size: number }) {
  return (
    <>
      {/* A larger transparent target makes small markers easier to hit with a mouse or a finger. */}
      <circle class="map-hit" r={size} />
      <path class={`marker marker--${kind}`} d={markerPath(kind, size)} />
    </>
  );
}

function MapLegend({ cities }: { cities: readonly City[] }) {
  const { m } = useI18n();
  return (
    <div class="map-legend">
      <h3>{m.cities.legend}</h3>
      <ul>
        <li data-tier="home">
          <MarkerIcon kind="home" />
          {m.cities.homeCity}
        </li>
        {RELATIONSHIPS.map((tier) => (
          <li key={tier} data-tier={tier}>
            <MarkerIcon kind={tier} />
            {m.relationship[tier]} ({cities.filter((c) => c.relationship === tier).length})
          </li>
        ))}
      </ul>
    </div>
  );
}
