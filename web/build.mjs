// Builds the pages' assets into newsevents/web/static/dist (git-ignored), from npm packages only:
// MapLibre GL (copied as published: it loads its worker from beside itself), the Natural Earth
// country outlines of world-atlas converted to GeoJSON, and our scripts bundled by esbuild.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "newsevents", "web", "static", "dist");
const modules = join(here, "node_modules");

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

for (const name of ["maplibre-gl.mjs", "maplibre-gl-worker.mjs", "maplibre-gl.css"]) {
  copyFileSync(join(modules, "maplibre-gl", "dist", name), join(out, name));
}

const topology = JSON.parse(readFileSync(join(modules, "world-atlas", "countries-50m.json"), "utf8"));
// 3 decimals (about 100 m) is finer than the 1:50m outlines themselves and halves the file.
const rounded = (key, value) => (typeof value === "number" ? Math.round(value * 1000) / 1000 : value);
const countries = feature(topology, topology.objects.countries);
writeFileSync(join(out, "countries.geojson"), JSON.stringify(countries, rounded));

// "maplibre-gl" stays an import of the copied module, so its worker URL resolves beside it.
const maplibreExternal = {
  name: "maplibre-external",
  setup(b) {
    b.onResolve({ filter: /^maplibre-gl$/ }, () => ({ path: "./maplibre-gl.mjs", external: true }));
  },
};

await build({
  entryPoints: ["map", "event", "upload"].map((n) => join(here, "src", `${n}.js`)),
  outdir: out,
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  sourcemap: true,
  plugins: [maplibreExternal],
  logLevel: "warning",
});
copyFileSync(join(here, "src", "style.css"), join(out, "style.css"));
console.log(`built ${out}`);
