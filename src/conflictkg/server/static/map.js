// The query page's Map view: points of geo:wktLiteral columns, clustered, each linking to its
// page, and polygons, over Syria's governorates (Natural Earth admin-1, served by this server);
// zoom and pan. On the vendored Leaflet and Leaflet.markercluster: nothing from elsewhere.
"use strict";

(function () {
  let map = null, boundaries = null, layers = null;
  const { rowLabel, rowLink, WKT } = window.CKGViews.helpers;

  function ensureMap(ctx) {
    if (map) return;
    map = L.map("map", { minZoom: 4, maxZoom: 15, zoomSnap: 0.5, worldCopyJump: false });
    map.setView([35.0, 38.6], 6.5);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Boundaries: Natural Earth (public domain)");
    fetch(ctx.boundaries).then((r) => (r.ok ? r.json() : null)).then((geojson) => {
      if (!geojson) return;
      boundaries = L.geoJSON(geojson, {
        style: { className: "boundary", color: "#7d8d99", weight: 1, fillColor: "#f3f1ea", fillOpacity: 1 },
        onEachFeature: (feature, layer) => layer.bindTooltip(
          `${feature.properties.name_en} · ${feature.properties.name_ar}`, { sticky: true }),
      }).addTo(map);
      boundaries.bringToBack();
    });
    window.ckgMap = map;
  }

  function parseWkt(text) {
    const body = text.replace(/^\s*<[^>]*>\s*/, "").trim();
    const kind = body.slice(0, body.indexOf("(")).trim().toUpperCase();
    const polygons = [];
    // Rings of each polygon: "((x y, ...), (...))" groups inside the outer parentheses.
    const rings = [];
    const re = /\(([^()]+)\)/g;
    let m;
    while ((m = re.exec(body))) rings.push(m[1].split(",").map((p) => p.trim().split(/\s+/).map(Number)));
    if (kind.endsWith("POLYGON")) {
      for (const ring of rings) polygons.push(ring.map(([x, y]) => [y, x]));
      return { kind, polygons, points: [] };
    }
    return { kind, polygons: [], points: rings.flat().map(([x, y]) => [y, x]) };
  }

  function popup(label, url) {
    const box = document.createElement("div");
    const name = document.createElement(url ? "a" : "span");
    name.textContent = label || url || "";
    name.dir = "auto";
    if (url) {
      name.href = url;
      name.className = "point-link";
    }
    box.appendChild(name);
    return box;
  }

  function mapView(result, ctx) {
    ensureMap(ctx);
    map.invalidateSize();
    if (layers) layers.forEach((layer) => layer.remove());
    const clusters = L.markerClusterGroup({ maxClusterRadius: 30, showCoverageOnHover: false,
      spiderfyOnMaxZoom: true });
    const areas = L.featureGroup();
    let points = 0, polygons = 0;
    for (const binding of result.rows) {
      for (const name of result.vars) {
        const term = binding[name];
        if (!term || term.datatype !== WKT) continue;
        const shape = parseWkt(term.value);
        const label = rowLabel(binding, result.vars, ctx, name);
        const url = rowLink(binding, result.vars, ctx);
        for (const ring of shape.polygons) {
          L.polygon(ring, { className: "area", color: "#8a2b1f", weight: 1.5, fillOpacity: 0.12 })
            .bindPopup(popup(label, url)).addTo(areas);
          polygons++;
        }
        for (const at of shape.points) {
          L.circleMarker(at, { className: "point", radius: 7, color: "#fff", weight: 1.5,
            fillColor: "#8a2b1f", fillOpacity: 0.85 }).bindPopup(popup(label, url))
            .bindTooltip(label || "", { direction: "top" }).addTo(clusters);
          points++;
        }
      }
    }
    areas.addTo(map);
    clusters.addTo(map);
    layers = [areas, clusters];
    const bounds = L.latLngBounds([]);
    if (points) bounds.extend(clusters.getBounds());
    if (polygons) bounds.extend(areas.getBounds());
    if (bounds.isValid()) map.fitBounds(bounds.pad(0.2), { maxZoom: 11 });
    return `${points} points, ${polygons} areas; governorates: Natural Earth admin-1`;
  }

  window.CKGViews.register("Map", mapView);
})();
