// Natural Earth countries at 1:110m, bundled by Vite so the map needs no network (and no CDN, which the CSP forbids).
declare module 'world-atlas/countries-110m.json' {
  import type { GeometryCollection, Topology } from 'topojson-specification';

  const topology: Topology<{ countries: GeometryCollection; land: GeometryCollection }>;
  export default topology;
}
