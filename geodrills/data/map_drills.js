/* geodrills map renderer (part of geodrills, MIT licence).
 *
 * Draws a drills map from one JSON payload written by geodrills.maps.
 * Every string in the payload is untrusted (article text, titles, names): it
 * reaches the page only through textContent / createTextNode, or through
 * gdEscape() where Leaflet itself insists on HTML (layer-control labels,
 * attribution).  No innerHTML, no template literals, no eval.
 *
 * Parts: layers by kind (places by precision, borders, distance lines, rings,
 * exercises dated / undated), one filter (articles panel + date range) applied
 * to every dated layer, collision-aware labels, the controls (fullscreen,
 * geodesic measure, minimap, place search, clustering, basemap switch).
 */
(function (root) {
  "use strict";

  // ------------------------------------------------------------------ tunables (one place)
  var TUNE = {
    clusterAbove: 400,        // places: cluster markers when the map has more than this
    prominentMax: 40,         // ...except the places named most (at least prominentMentions times), never clustered
    prominentMentions: 3,
    distanceLinesOnUpTo: 200, // places: distance lines start visible up to this many
    articleListShown: 150,    // articles panel: rows drawn at once (the filter narrows the rest)
    labelCell: 64,            // px, grid cell of the label collision index
    labelMaxPerView: 400,     // labels placed per redraw at most
    labelOverClusters: 650,   // labels of at least this priority may cover a cluster bubble
    legendOpenMinHeight: 640, // px: a smaller map (a notebook cell) starts with the legend and overview folded
    smallMarkersAbove: 500    // places: smaller markers above this many
  };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // Leaflet's layer control and attribution write with innerHTML, so the
  // names we give them are fully escaped first.
  function gdEscape(text) {
    return String(text)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#39;");
  }

  function fmtKm(km) {
    if (km === null || km === undefined || !isFinite(km)) return "";
    return (km < 10 ? km.toFixed(1) : km.toFixed(0)) + " km";
  }

  // ------------------------------------------------------------------ geodesy
  // Vincenty's inverse on the ellipsoid the payload names (WGS84, from
  // geodrills.geodesy): the same distances as the border figures.
  function geodesicKm(ell, lat1, lon1, lat2, lon2) {
    var a = ell.a, f = ell.f, b = a * (1 - f), rad = Math.PI / 180;
    var L = (lon2 - lon1) * rad;
    var U1 = Math.atan((1 - f) * Math.tan(lat1 * rad)), U2 = Math.atan((1 - f) * Math.tan(lat2 * rad));
    var sinU1 = Math.sin(U1), cosU1 = Math.cos(U1), sinU2 = Math.sin(U2), cosU2 = Math.cos(U2);
    var lambda = L, lambdaP, iter = 0;
    var sinSigma, cosSigma, sigma, cosSqAlpha, cos2SigmaM, sinAlpha, C;
    do {
      var sinLambda = Math.sin(lambda), cosLambda = Math.cos(lambda);
      var t1 = cosU2 * sinLambda, t2 = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda;
      sinSigma = Math.sqrt(t1 * t1 + t2 * t2);
      if (sinSigma === 0) return 0;
      cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
      sigma = Math.atan2(sinSigma, cosSigma);
      sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
      cosSqAlpha = 1 - sinAlpha * sinAlpha;
      cos2SigmaM = cosSqAlpha !== 0 ? cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha : 0;
      C = f / 16 * cosSqAlpha * (4 + f * (4 - 3 * cosSqAlpha));
      lambdaP = lambda;
      lambda = L + (1 - C) * f * sinAlpha *
        (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
    } while (Math.abs(lambda - lambdaP) > 1e-12 && ++iter < 200);
    if (iter >= 200) { // nearly antipodal: the sphere is close enough for a ruler
      var p1 = lat1 * rad, p2 = lat2 * rad, dl = (lon2 - lon1) * rad;
      return ell.mean_radius_km * Math.acos(Math.min(1, Math.sin(p1) * Math.sin(p2) + Math.cos(p1) * Math.cos(p2) * Math.cos(dl)));
    }
    var uSq = cosSqAlpha * (a * a - b * b) / (b * b);
    var A = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
    var B = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
    var dSigma = B * sinSigma * (cos2SigmaM + B / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM) -
      B / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
    return b * A * (sigma - dSigma) / 1000;
  }

  // ------------------------------------------------------------------ styles
  var STYLE = {
    settlement: { radius: 6, fillOpacity: 0.9, weight: 1.5, dashArray: null, hollow: false, rank: 5 },
    admin: { radius: 8, fillOpacity: 0.45, weight: 2, dashArray: "3 2", hollow: false, rank: 3 },
    region: { radius: 10, fillOpacity: 0.12, weight: 2.5, dashArray: "5 3", hollow: true, rank: 2 },
    country: { radius: 12, fillOpacity: 0.0, weight: 2.5, dashArray: "1 3", hollow: true, rank: 1 },
    feature: { radius: 6, fillOpacity: 0.9, weight: 2, dashArray: null, hollow: false, rank: 4 }
  };
  var PRECISION_LABEL = {
    settlement: "city, town or village",
    admin: "province or district",
    region: "region",
    country: "country (centre)",
    feature: "river, mountain, sea or crossing"
  };
  // label classes: the font the width is measured with is the font the CSS draws
  var LABEL_FONT = {
    place: "600 12px system-ui, sans-serif",
    km: "600 10px system-ui, sans-serif",
    border: "700 10px system-ui, sans-serif",
    ring: "400 10px system-ui, sans-serif",
    city: "400 11px system-ui, sans-serif",
    water: "italic 400 11px system-ui, sans-serif",
    country: "600 12px system-ui, sans-serif"
  };
  var LABEL_HEIGHT = { place: 16, km: 14, border: 14, ring: 13, city: 14, water: 14, country: 16 };
  var LABEL_PAD = { place: 6, km: 6, border: 6, ring: 2, city: 2, water: 2, country: 2 };

  function placeColor(data, place) {
    return (data.countries[place.country] || data.countries["*"] || data.countries[""] || {}).color || "#555555";
  }

  function markerOptions(data, place) {
    var style = STYLE[place.precision] || STYLE.settlement;
    var color = placeColor(data, place);
    var radius = style.radius + Math.min(4, Math.log2(place.n_mentions || 1));
    if (data.places.length > TUNE.smallMarkersAbove) radius = Math.max(3, radius * 0.6);
    return {
      radius: radius,
      color: style.hollow ? color : (place.precision === "feature" ? "#1f2933" : "#ffffff"),
      weight: style.weight,
      dashArray: style.dashArray,
      fillColor: color,
      fillOpacity: style.fillOpacity,
      opacity: 1,
      className: "gd-marker gd-precision-" + place.precision,
      bubblingMouseEvents: false
    };
  }

  function row(table, label, value) {
    if (value === null || value === undefined || value === "") return;
    var tr = el("tr");
    tr.appendChild(el("th", null, label));
    tr.appendChild(el("td", null, value));
    table.appendChild(tr);
  }

  function countryName(data, code) {
    if (!code) return "";
    var c = data.countries[code];
    return c && c.name ? c.name + " (" + code + ")" : code;
  }

  function articleLabel(article) {
    var label = article.title || article.name || "article";
    return article.date ? label + " \u2014 " + article.date : label;
  }

  function buildPopup(data, place) {
    var box = el("div", "gd-popup");
    box.appendChild(el("h3", "gd-popup-title", place.name));
    var table = el("table", "gd-facts");
    row(table, "Country", countryName(data, place.country));
    row(table, "Kind", place.kind);
    row(table, "Precision", PRECISION_LABEL[place.precision] || place.precision);
    row(table, "Coordinates", place.lat.toFixed(4) + ", " + place.lon.toFixed(4));
    if (place.border) {
      row(table, "Nearest border", place.border_label + ": " + fmtKm(place.km));
    } else if (place.precision === "country") {
      row(table, "Nearest border", "not measured for a whole country");
    }
    row(table, "Articles", String(place.articles.length));
    box.appendChild(table);
    var shown = 0, lastArticle = -1, list = null;
    for (var i = 0; i < place.mentions.length; i++) {
      var m = place.mentions[i];
      if (shown >= 6) break;
      if (m.a !== lastArticle) {
        box.appendChild(el("h4", "gd-article", articleLabel(data.articles[m.a])));
        list = el("ul", "gd-sentences");
        box.appendChild(list);
        lastArticle = m.a;
      }
      var li = el("li");
      li.appendChild(document.createTextNode(m.pre));
      li.appendChild(el("mark", null, m.hit));
      li.appendChild(document.createTextNode(m.post));
      list.appendChild(li);
      shown++;
    }
    var more = (place.n_mentions || place.mentions.length) - shown;
    if (more > 0) box.appendChild(el("p", "gd-more", "+ " + more + " more mention(s)"));
    return box;
  }

  // ------------------------------------------------------------------ labels
  // One collision index for every permanent label on the map (place names,
  // distances, border pairs, rings, basemap names): labels are placed in
  // priority order, each at the first candidate spot that overlaps no label,
  // control or marker already placed; the rest wait for a closer zoom.
  function LabelLayer(map, pane) {
    this.map = map;
    this.pane = pane;
    this.items = [];
    this.obstacleMarkers = [];
    this.measure = document.createElement("canvas").getContext("2d");
    this.widths = {};
    this.placed = 0;
    var self = this, pending = false;
    this.schedule = function () {
      if (pending) return;
      pending = true;
      (root.requestAnimationFrame || setTimeout)(function () { pending = false; self.redraw(); });
    };
    map.on("moveend zoomend resize overlayadd overlayremove baselayerchange", this.schedule);
  }

  LabelLayer.prototype.add = function (item) { this.items.push(item); };

  LabelLayer.prototype.width = function (cls, text) {
    var key = cls + "\u0000" + text;
    var w = this.widths[key];
    if (w === undefined) {
      this.measure.font = LABEL_FONT[cls];
      w = this.widths[key] = Math.ceil(this.measure.measureText(text).width) + LABEL_PAD[cls] + 2;
    }
    return w;
  };

  LabelLayer.prototype.redraw = function () {
    var map = this.map, pane = this.pane;
    var size = map.getSize();
    pane.textContent = "";
    var grid = {}, cell = TUNE.labelCell;
    function cells(b, fn) {
      for (var gx = Math.floor(b[0] / cell); gx <= Math.floor(b[2] / cell); gx++) {
        for (var gy = Math.floor(b[1] / cell); gy <= Math.floor(b[3] / cell); gy++) {
          if (fn(gx + ":" + gy) === false) return false;
        }
      }
      return true;
    }
    function free(b) {
      return cells(b, function (k) {
        var list = grid[k];
        if (!list) return true;
        for (var i = 0; i < list.length; i++) {
          var o = list[i];
          if (b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) return false;
        }
        return true;
      });
    }
    function take(b) { cells(b, function (k) { (grid[k] = grid[k] || []).push(b); }); }
    // the controls (title, legend, scale bar, slider...) are obstacles, in container pixels
    var origin = map.getContainer().getBoundingClientRect();
    // controls are obstacles; cluster bubbles too, for all but the labels that matter most
    // (both are few: read from the page)
    function obstacles(selector, margin) {
      var nodes = map.getContainer().querySelectorAll(selector);
      for (var c = 0; c < nodes.length; c++) {
        var r = nodes[c].getBoundingClientRect();
        if (r.width > 0) take([r.left - origin.left - margin, r.top - origin.top - margin, r.right - origin.left + margin, r.bottom - origin.top + margin]);
      }
    }
    obstacles(".leaflet-control", 4);
    var clustersIn = false;
    // the markers on screen keep their dot clear of text
    var bounds = map.getBounds().pad(0.05);
    this.obstacleMarkers.forEach(function (m) {
      if (!bounds.contains(m.latlng) || !m.shown()) return;
      var p = map.latLngToContainerPoint(m.latlng);
      take([p.x - m.r, p.y - m.r, p.x + m.r, p.y + m.r]);
    });
    var visible = this.items.filter(function (it) { return it.on(); });
    visible.sort(function (a, b) { return b.prio - a.prio || (a.order - b.order); });
    var placed = 0;
    for (var i = 0; i < visible.length && placed < TUNE.labelMaxPerView; i++) {
      var it = visible[i];
      if (!clustersIn && it.prio < TUNE.labelOverClusters) { obstacles(".gd-cluster", 0); clustersIn = true; }
      var spots = it.spots(map, bounds);
      if (!spots) continue;
      var w = this.width(it.cls, it.text), h = LABEL_HEIGHT[it.cls];
      for (var s = 0; s < spots.length; s++) {
        var sp = spots[s], x, y;
        var r0 = sp.r || 0;
        if (sp.side === "right") { x = sp.x + r0 + 3; y = sp.y - h / 2; }
        else if (sp.side === "left") { x = sp.x - r0 - 3 - w; y = sp.y - h / 2; }
        else if (sp.side === "top") { x = sp.x - w / 2; y = sp.y - r0 - 2 - h; }
        else if (sp.side === "bottom") { x = sp.x - w / 2; y = sp.y + r0 + 2; }
        else { x = sp.x - w / 2; y = sp.y - h / 2; }
        x = Math.round(x); y = Math.round(y);
        var box = [x, y, x + w, y + h];
        if (x < 0 || y < 0 || x + w > size.x || y + h > size.y) continue;
        if (!free(box)) continue;
        take([x - 1, y - 1, x + w + 1, y + h + 1]);
        var node = el("div", "gd-lbl gd-lbl-" + it.cls, it.text);
        var at = map.containerPointToLayerPoint([x, y]);
        node.style.left = at.x + "px";
        node.style.top = at.y + "px";
        node.style.width = w + "px";
        node.style.height = h + "px";
        node.style.lineHeight = h + "px";
        if (it.color) node.style.color = it.color;
        pane.appendChild(node);
        placed++;
        break;
      }
    }
    this.placed = placed;
    map.getContainer().setAttribute("data-gd-labels", String(placed));
  };

  function pointSpots(latlng, r) {
    return function (map, bounds) {
      if (!bounds.contains(latlng)) return null;
      var p = map.latLngToContainerPoint(latlng);
      return [{ x: p.x, y: p.y, r: r, side: "right" }, { x: p.x, y: p.y, r: r, side: "left" },
              { x: p.x, y: p.y, r: r, side: "top" }, { x: p.x, y: p.y, r: r, side: "bottom" }];
    };
  }

  function centreSpots(latlng) {
    return function (map, bounds) {
      if (!bounds.contains(latlng)) return null;
      var p = map.latLngToContainerPoint(latlng);
      return [{ x: p.x, y: p.y, side: "centre" }];
    };
  }

  function lineSpots(a, b) {
    return function (map, bounds) {
      if (!bounds.contains(a) && !bounds.contains(b)) return null;
      var pa = map.latLngToContainerPoint(a), pb = map.latLngToContainerPoint(b);
      if (pa.distanceTo(pb) < 24) return null; // too short to carry a label at this zoom
      return [0.5, 0.35, 0.65, 0.2, 0.8].map(function (t) {
        return { x: pa.x + (pb.x - pa.x) * t, y: pa.y + (pb.y - pa.y) * t, side: "centre" };
      });
    };
  }

  // ------------------------------------------------------------------ the map
  function render(map, data) {
    var ell = data.ellipsoid;
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(gdEscape(data.attribution));
    map.createPane("gdBasemap").style.zIndex = 250;
    map.createPane("gdTiles").style.zIndex = 260;
    map.createPane("gdBasemapLines").style.zIndex = 270;
    map.createPane("gdAreas").style.zIndex = 350;
    var labelPane = map.createPane("gdLabels");
    labelPane.style.zIndex = 620;
    labelPane.style.pointerEvents = "none";
    var labels = new LabelLayer(map, labelPane);
    var state = { data: data, map: map, labels: labels, ell: ell };
    var overlays = [];
    var baseLayers = [];

    // --- basemap: the bundled one is always drawn; web tiles, when offered, go over it, so a
    // page opened with no network still shows everything (a tile that fails shows what is below)
    var bundled = L.layerGroup().addTo(map), bundledTop = L.layerGroup();
    var tiles = null, tileLoads = 0, tileErrors = 0;
    state.tilesOn = function () { return tiles !== null && map.hasLayer(tiles) && !(tileErrors > 0 && tileLoads === 0); };
    var syncBasemap = function () {
      // the basemap's rivers and city names would double the tiles' own
      if (state.tilesOn()) map.removeLayer(bundledTop); else bundledTop.addTo(map);
      labels.schedule();
    };
    if (data.basemap) addBasemap(state, bundled, bundledTop);
    if (data.tiles) {
      tiles = L.tileLayer(data.tiles.url, {
        maxZoom: data.tiles.max_zoom, pane: "gdTiles", attribution: gdEscape(data.tiles.attribution)
      });
      tiles.on("tileload", function () { tileLoads++; if (tileLoads === 1) syncBasemap(); });
      tiles.on("tileerror", function () { tileErrors++; if (tileLoads === 0) syncBasemap(); });
      baseLayers.push(["Bundled basemap (offline)", L.layerGroup()]);
      baseLayers.push(["Web tiles: " + data.tiles.name + " (online), over the bundled basemap", tiles]);
      tiles.addTo(map);
      map.on("baselayerchange", syncBasemap);
    }
    syncBasemap();

    // --- gazetteer shapes of named rivers and regions
    if (data.features.length) {
      var features = L.featureGroup();
      data.features.forEach(function (f) {
        var isLine = f.geometry.type.indexOf("Line") >= 0;
        var layer = L.geoJSON(f.geometry, {
          pane: "gdAreas",
          style: isLine
            ? { color: "#2b7bb9", weight: 3, opacity: 0.85, className: "gd-feature gd-river" }
            : { color: "#8e6c8a", weight: 1.5, dashArray: "4 3", fillColor: "#8e6c8a", fillOpacity: 0.12,
                className: "gd-feature gd-area" }
        });
        layer.bindTooltip(el("span", null, f.name + " (" + f.kind + ")"), { sticky: true });
        layer.addTo(features);
      });
      features.addTo(map);
      overlays.push(["Rivers and regions named (" + data.features.length + ")", features]);
    }

    // --- borders
    if (data.borders.length) {
      var borders = L.featureGroup();
      data.borders.forEach(function (b, i) {
        var line = L.polyline(b.lines, {
          color: "#6b2d5c", weight: b.focus ? 2.2 : 1.4, opacity: b.focus ? 0.9 : 0.55, dashArray: "7 4",
          className: "gd-border"
        });
        line.bindTooltip(el("span", null, b.label), { sticky: true });
        line.addTo(borders);
        if (b.focus) {
          labels.add({ cls: "border", text: b.pair, prio: 700, order: i, color: null,
                       on: function () { return map.hasLayer(borders); },
                       spots: centreSpots(L.latLng(b.label_at[0], b.label_at[1])) });
        }
      });
      borders.addTo(map);
      overlays.push(["International borders", borders]);
    }

    // --- the controls that frame the view, then the final view, then the places: clustering
    // 10,000 places once, at the zoom they will be seen at, not once more after a fit
    addTitle(map, data);
    L.control.zoom({ position: "topleft" }).addTo(map);
    if (L.Control.FullScreen) new L.Control.FullScreen({ position: "topleft", title: "Full screen", titleCancel: "Leave full screen" }).addTo(map);
    addMeasure(state);
    addLegend(state);
    frame(state);

    // --- distances, then the places over them: one layer, clustered when many
    addDistances(state, overlays);
    addPlaces(state, overlays);

    // --- range rings
    if (data.rings.length) {
      var rings = L.featureGroup();
      data.rings.forEach(function (r, i) {
        L.polygon(r.ring, {
          color: "#334155", weight: 1, opacity: 0.7, fill: false, dashArray: "1 3", className: "gd-ring",
          interactive: false
        }).addTo(rings);
        labels.add({ cls: "ring", text: r.label, prio: 300, order: i, on: function () { return map.hasLayer(rings); },
                     spots: centreSpots(L.latLng(r.label_at[0], r.label_at[1])) });
      });
      rings.addTo(map);
      overlays.push(["Range rings", rings]);
    }

    if (data.events && data.events.length) addEvents(state, overlays);

    // --- controls
    var control = L.control.layers(null, null, { collapsed: true, position: "topright" });
    if (baseLayers.length > 1) baseLayers.forEach(function (b) { control.addBaseLayer(b[1], gdEscape(b[0])); });
    overlays.forEach(function (o) { control.addOverlay(o[1], gdEscape(o[0])); });
    control.addTo(map);
    state.layerControl = control;
    addArticlesPanel(state);
    addSearch(state);
    if (data.days && data.days.length > 1) addSlider(state);
    L.control.scale({ imperial: false, position: "bottomleft", maxWidth: 160 }).addTo(map);
    addMiniMap(state);
    applyFilter(state);
    var container = map.getContainer();
    container.setAttribute("data-gd-places", String(data.places.length));
    container.setAttribute("data-gd-overlays", String(overlays.length + baseLayers.length));
    labels.redraw();
    container.setAttribute("data-gd-ready", "1");
    if (root.performance) root.__gdReadyAt = root.performance.now(); // ms since navigation start, for tests
    return state;
  }

  function frame(state) {
    fitClear(state, L.latLngBounds(state.data.bounds), null);
    state.map.setMinZoom(1);
  }

  // Fit bounds with the data clear of the title (top left) and the legend (bottom right).
  function fitClear(state, bounds, maxZoom) {
    var map = state.map;
    var origin = map.getContainer().getBoundingClientRect();
    var title = map.getContainer().querySelector(".gd-title");
    var legend = map.getContainer().querySelector(".gd-legend");
    var top = title ? title.getBoundingClientRect().bottom - origin.top + 8 : 20;
    var right = legend ? origin.right - legend.getBoundingClientRect().left + 8 : 20;
    var size = map.getSize();
    top = Math.min(top, size.y * 0.35);
    right = Math.min(right, size.x * 0.35);
    var options = { paddingTopLeft: [20, top], paddingBottomRight: [right, 28], animate: false };
    if (maxZoom) options.maxZoom = maxZoom;
    map.fitBounds(bounds, options);
  }

  function addBasemap(state, group, top) {
    var map = state.map, data = state.data, base = data.basemap, labels = state.labels;
    // a stray point in a clipped shape draws nothing (Leaflet would draw its default marker image)
    var noPoints = function (f) { return f.geometry && f.geometry.type.indexOf("Point") < 0; };
    map.getContainer().classList.add("gd-offline");
    function landStyle(feature) {
      var c = data.countries[feature.properties.iso];
      var focus = c !== undefined && c.used;
      return { color: "#9aa5b1", weight: 0.8, opacity: 0.9, fillColor: focus ? "#f7f3e8" : "#ebe7dc", fillOpacity: 1,
               className: "gd-land" };
    }
    L.geoJSON(base.countries, { pane: "gdBasemap", interactive: false, style: landStyle, filter: noPoints }).addTo(group);
    if (base.detail && base.detail.features.length) {
      L.geoJSON(base.detail, { pane: "gdBasemap", interactive: false, style: landStyle, filter: noPoints }).addTo(group);
    }
    if (base.lakes && base.lakes.features.length) {
      L.geoJSON(base.lakes, {
        pane: "gdBasemap", interactive: false, filter: noPoints,
        style: { color: "#8fb3c9", weight: 0.6, fillColor: "#c9dbe6", fillOpacity: 1, className: "gd-lake" }
      }).addTo(group);
    }
    if (base.rivers && base.rivers.features.length) {
      L.geoJSON(base.rivers, {
        pane: "gdBasemapLines", interactive: false, filter: noPoints,
        style: function (f) {
          return { color: "#5b9bd5", weight: f.properties.detail ? 1.1 : 1.3, opacity: 0.85, className: "gd-basemap-river" };
        }
      }).addTo(top);
    }
    var showNames = function () { return !state.tilesOn(); };
    (base.cities || []).forEach(function (c, i) {
      L.circleMarker([c.lat, c.lon], {
        pane: "gdBasemapLines", radius: c.capital ? 3 : 2.2, color: "#52606d", weight: 1,
        fillColor: c.capital ? "#52606d" : "#ffffff", fillOpacity: 1, interactive: false, className: "gd-city"
      }).addTo(top);
      labels.add({ cls: "city", text: c.name, prio: 130 - i * 0.01 + (c.capital ? 5 : 0), order: i,
                   on: showNames, spots: pointSpots(L.latLng(c.lat, c.lon), 3) });
    });
    base.labels.forEach(function (lab, i) {
      labels.add({ cls: "country", text: lab.name, prio: 100 - i * 0.01, order: i, on: showNames,
                   spots: centreSpots(L.latLng(lab.lat, lab.lon)) });
    });
  }

  // Lines from each place to its nearest border point, labelled in km; drawn under the markers.
  function addDistances(state, overlays) {
    var map = state.map, data = state.data, labels = state.labels;
    if (data.distance_lines) {
      var distances = L.featureGroup();
      state.distanceLayer = distances;
      data.places.forEach(function (p, i) {
        if (!p.border || p.precision === "country") return;
        var a = L.latLng(p.lat, p.lon), b = L.latLng(p.border_lat, p.border_lon);
        p.line = L.polyline([a, b], {
          color: "#c2410c", weight: 1.5, opacity: 0.85, dashArray: "2 4", className: "gd-distance"
        });
        p.line.gdPlace = p;
        p.line.addTo(distances);
        labels.add({ cls: "km", text: fmtKm(p.km), order: i,
                     prio: 500 + Math.max(0, 150 - p.km) / 10,
                     on: function () { return map.hasLayer(distances) && p.visible && p.precision !== "region"; },
                     spots: lineSpots(a, b) });
      });
      var tip = L.tooltip({ sticky: true });
      distances.on("mouseover", function (e) {
        var p = e.layer && e.layer.gdPlace;
        if (p) tip.setLatLng(e.latlng).setContent(el("span", null, p.name + " \u2192 " + p.border_label + ": " + fmtKm(p.km))).addTo(map);
      });
      distances.on("mouseout", function () { tip.remove(); });
      if (data.places.length <= TUNE.distanceLinesOnUpTo) distances.addTo(map);
      overlays.push(["Distance to nearest border", distances]);
    }
  }

  function clusterIcon(cluster) {
    var n = cluster.getChildCount();
    var size = n < 10 ? 26 : n < 100 ? 32 : n < 1000 ? 38 : 44;
    return L.divIcon({ html: el("span", null, String(n)), className: "gd-cluster", iconSize: L.point(size, size) });
  }

  // All places go in one layer (clustered when many, so clusters never pile
  // up on each other); the precision entries of the layer control are
  // switches that the filter reads.
  function addPlaces(state, overlays) {
    var map = state.map, data = state.data, labels = state.labels;
    var cluster = data.places.length > TUNE.clusterAbove && L.markerClusterGroup;
    var group = cluster
      ? L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false, chunkedLoading: false,
                               disableClusteringAtZoom: 11, spiderfyOnMaxZoom: true, iconCreateFunction: clusterIcon })
      : L.featureGroup();
    // the places named most stay out of the clusters, so the overview still names them
    var prominent = cluster ? L.featureGroup() : group;
    if (cluster) {
      data.places.map(function (p, i) { return [p.n_mentions || 1, -i, p]; })
        .filter(function (t) { return t[0] >= TUNE.prominentMentions; })
        .sort(function (a, b) { return b[0] - a[0] || b[1] - a[1]; })
        .slice(0, TUNE.prominentMax).forEach(function (t) { t[2].prominent = true; });
    }
    state.placeLayer = group;
    state.prominentLayer = prominent;
    state.precisionSwitch = {};
    var names = L.layerGroup(); // "Place names": an empty layer whose presence turns the labels on
    var members = [];
    data.places.forEach(function (p, i) {
      var opts = markerOptions(data, p);
      var marker = L.circleMarker([p.lat, p.lon], opts);
      marker.gdPlace = p;
      p.marker = marker;
      p.visible = true;
      p.layer = p.prominent ? prominent : group;
      if (!p.prominent) members.push(marker);
      var shown = function () {
        if (!p.visible) return false;
        // drawn on its own, not inside a cluster (getVisibleParent looks for icons, which circles lack)
        if (cluster && !p.prominent) return map.hasLayer(marker);
        return true;
      };
      labels.obstacleMarkers.push({ r: opts.radius + 1, latlng: marker.getLatLng(), shown: shown });
      var st = STYLE[p.precision] || STYLE.settlement;
      labels.add({ cls: "place", text: p.name, order: i,
                   prio: (p.prominent ? 700 : 400) + 40 * Math.min(5, Math.log2(p.n_mentions || 1)) / (p.prominent ? 10 : 1) +
                     5 * Math.min(5, Math.log2(p.articles.length)) / (p.prominent ? 10 : 1) + st.rank,
                   on: function () { return state.namesOn && shown(); },
                   spots: pointSpots(marker.getLatLng(), opts.radius + 1) });
    });
    // one popup and one tooltip for the layer, made when asked: 10,000 bindings cost a second
    var layers = cluster ? L.featureGroup([group, prominent]) : group;
    layers.on("click", function (e) {
      var p = e.layer && e.layer.gdPlace;
      if (!p) return;
      if (state.measuring) { state.measuring(e.latlng); return; } // a ruler click on a place measures to it
      L.popup({ maxWidth: 360, minWidth: 240, maxHeight: 300 }).setLatLng(e.layer.getLatLng())
        .setContent(buildPopup(data, p)).openOn(map);
    });
    var tip = L.tooltip({ direction: "top", offset: [0, -6] });
    layers.on("mouseover", function (e) {
      var p = e.layer && e.layer.gdPlace;
      if (p) tip.setLatLng(e.layer.getLatLng()).setContent(el("span", null, p.name)).addTo(map);
    });
    layers.on("mouseout", function () { tip.remove(); });
    state.openPlace = function (p) { layers.fire("click", { layer: p.marker }); };
    layers.addTo(map); // on the map first: markercluster's addLayers is quadratic before
    if (cluster) {
      group.addLayers(members);
      data.places.forEach(function (p) { if (p.prominent) p.marker.addTo(prominent); });
    } else {
      members.forEach(function (m) { m.addTo(group); });
    }
    if (cluster) group.on("animationend", labels.schedule);
    names.addTo(map);
    state.namesOn = true;
    overlays.push(["Place names", names]);
    data.precisions.forEach(function (precision) {
      var sw = L.layerGroup().addTo(map);
      state.precisionSwitch[precision] = sw;
      var n = data.places.filter(function (p) { return p.precision === precision; }).length;
      overlays.push(["Places: " + PRECISION_LABEL[precision] + " (" + n + ")", sw]);
    });
    map.on("overlayadd overlayremove", function (e) {
      if (e.layer === names) { state.namesOn = e.type === "overlayadd"; return; }
      for (var k in state.precisionSwitch) if (state.precisionSwitch[k] === e.layer) applyFilter(state);
    });

  }

  // ------------------------------------------------------------------ filter
  // One filter for every dated layer: a place is drawn when one of its
  // articles is ticked in the articles panel and dated inside the range (or
  // undated); an exercise with dates when its dates meet the range.
  function applyFilter(state) {
    var data = state.data, map = state.map;
    var on = state.articleOn || data.articles.map(function () { return true; });
    var days = data.days || [];
    var lo = state.range ? days[state.range[0]] : null, hi = state.range ? days[state.range[1]] : null;
    var dateOk = data.articles.map(function (a, i) {
      if (!on[i]) return false;
      if (!a.date || lo === null) return true;
      return lo <= a.date && a.date <= hi;
    });
    var shownPlaces = 0;
    var precisionOn = {};
    Object.keys(state.precisionSwitch).forEach(function (k) { precisionOn[k] = map.hasLayer(state.precisionSwitch[k]); });
    var add = [], remove = [];
    var prominent = state.prominentLayer !== state.placeLayer ? state.prominentLayer : null;
    data.places.forEach(function (p) {
      var visible = false;
      if (precisionOn[p.precision]) {
        for (var j = 0; j < p.articles.length; j++) { if (dateOk[p.articles[j]]) { visible = true; break; } }
      }
      if (visible) shownPlaces++;
      if (visible === p.visible) return;
      p.visible = visible;
      if (prominent && p.prominent) {
        if (visible) prominent.addLayer(p.marker); else prominent.removeLayer(p.marker);
      } else {
        (visible ? add : remove).push(p.marker);
      }
      if (p.line && state.distanceLayer) {
        if (visible) state.distanceLayer.addLayer(p.line); else state.distanceLayer.removeLayer(p.line);
      }
    });
    var g = state.placeLayer;
    if (remove.length) { if (g.removeLayers) g.removeLayers(remove); else remove.forEach(function (m) { g.removeLayer(m); }); }
    if (add.length) { if (g.addLayers) g.addLayers(add); else add.forEach(function (m) { g.addLayer(m); }); }
    var shownEvents = 0;
    (state.eventItems || []).forEach(function (item) {
      var ev = item.event;
      var inRange = !ev.start || lo === null || ((ev.start || ev.end) <= hi && lo <= (ev.end || ev.start));
      if (inRange === item.inRange) { if (inRange && ev.start) shownEvents++; return; }
      item.inRange = inRange;
      item.markers.forEach(function (m) { if (inRange) item.group.addLayer(m); else item.group.removeLayer(m); });
      if (inRange && ev.start) shownEvents++;
    });
    state.shown = { places: shownPlaces, events: shownEvents };
    if (state.caption) updateCaption(state);
    map.getContainer().setAttribute("data-gd-shown-places", String(shownPlaces));
    state.labels.schedule();
  }

  // ------------------------------------------------------------------ events
  function addEvents(state, overlays) {
    var map = state.map, data = state.data;
    var dated = L.featureGroup(), undated = L.featureGroup();
    var svg = L.svg({ padding: 0.5 }); // few: drawn as SVG even when the places go on a canvas
    state.eventItems = [];
    data.events.forEach(function (ev) {
      var group = ev.start ? dated : undated;
      var item = { event: ev, group: group, markers: [], inRange: true };
      ev.points.forEach(function (pt) {
        var marker = L.circleMarker([pt.lat, pt.lon], {
          radius: 14, color: "#b91c1c", weight: 2.5, fill: true, fillColor: "#b91c1c", fillOpacity: 0.15,
          dashArray: ev.start ? null : "4 4", renderer: svg,
          className: "gd-event " + (ev.start ? "gd-event-dated" : "gd-event-undated")
        });
        marker.bindTooltip(el("span", null, ev.name), { direction: "bottom" });
        marker.bindPopup(function () {
          var box = el("div", "gd-popup");
          box.appendChild(el("h3", "gd-popup-title", ev.name));
          var table = el("table", "gd-facts");
          row(table, "Dates", !ev.start ? "not dated" : (ev.start === ev.end ? ev.start : ev.start + " \u2013 " + (ev.end || "?")));
          row(table, "Place", pt.name);
          row(table, "Participants", ev.participants);
          row(table, "Source", ev.source);
          box.appendChild(table);
          return box;
        }, { maxWidth: 320 });
        marker.addTo(group);
        item.markers.push(marker);
      });
      state.eventItems.push(item);
    });
    var nDated = data.events.filter(function (e) { return e.start; }).length;
    var nUndated = data.events.length - nDated;
    if (nDated) { dated.addTo(map); overlays.push(["Exercises with dates (" + nDated + ")", dated]); }
    if (nUndated) { undated.addTo(map); overlays.push(["Exercises without dates (" + nUndated + ")", undated]); }
  }

  function updateCaption(state) {
    var days = state.data.days, r = state.range;
    var text = days[r[0]] + " \u2013 " + days[r[1]];
    state.caption.textContent = text;
    state.counts.textContent = state.shown.places + " places, " + state.shown.events + " dated exercise(s) shown";
  }

  function addSlider(state) {
    var map = state.map, days = state.data.days;
    state.range = [0, days.length - 1];
    var Slider = L.Control.extend({
      options: { position: "bottomleft" },
      onAdd: function () {
        var box = el("div", "gd-slider");
        box.appendChild(el("span", "gd-slider-title", "Dates shown"));
        state.caption = el("strong", "gd-range");
        box.appendChild(state.caption);
        function input(label, value) {
          var wrap = el("label", "gd-slider-row");
          wrap.appendChild(el("span", null, label));
          var inp = el("input");
          inp.type = "range"; inp.min = "0"; inp.max = String(days.length - 1); inp.step = "1"; inp.value = String(value);
          inp.setAttribute("aria-label", label + " date");
          wrap.appendChild(inp);
          box.appendChild(wrap);
          return inp;
        }
        var from = input("from", 0), to = input("to", days.length - 1);
        from.className = "gd-from"; to.className = "gd-to";
        function change(which) {
          var a = Number(from.value), b = Number(to.value);
          if (a > b) { if (which === from) to.value = String(a); else from.value = String(b); }
          state.range = [Number(from.value), Number(to.value)];
          applyFilter(state);
        }
        from.addEventListener("input", function () { change(from); });
        to.addEventListener("input", function () { change(to); });
        state.counts = el("span", "gd-counts");
        box.appendChild(state.counts);
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
      }
    });
    new Slider().addTo(map);
  }

  // ------------------------------------------------------------------ articles panel
  function addArticlesPanel(state) {
    var map = state.map, data = state.data;
    var n = data.articles.length;
    state.articleOn = data.articles.map(function () { return true; });
    var placesOf = data.articles.map(function () { return []; });
    data.places.forEach(function (p) { p.articles.forEach(function (a) { placesOf[a].push(p); }); });
    var Panel = L.Control.extend({
      options: { position: "topright" },
      onAdd: function () {
        var box = el("div", "gd-articles");
        var toggle = el("button", "gd-articles-toggle", "Articles (" + n + ")");
        toggle.type = "button";
        toggle.setAttribute("aria-expanded", "false");
        var body = el("div", "gd-articles-body");
        body.hidden = true;
        toggle.addEventListener("click", function () {
          body.hidden = !body.hidden;
          toggle.setAttribute("aria-expanded", body.hidden ? "false" : "true");
          if (!body.hidden) draw();
          state.labels.schedule();
        });
        var search = el("input", "gd-articles-filter");
        search.type = "search";
        search.placeholder = "Filter by title, file or date";
        search.setAttribute("aria-label", "Filter the articles");
        var buttons = el("div", "gd-articles-buttons");
        var all = el("button", null, "Show all listed"), none = el("button", null, "Hide all listed");
        all.type = none.type = "button";
        buttons.appendChild(all); buttons.appendChild(none);
        var note = el("p", "gd-articles-note");
        var list = el("ul", "gd-articles-list");
        body.appendChild(search); body.appendChild(buttons); body.appendChild(note); body.appendChild(list);
        box.appendChild(toggle); box.appendChild(body);
        var keys = data.articles.map(function (a) {
          return ((a.title || "") + " " + (a.name || "") + " " + (a.date || "")).toLowerCase();
        });
        function matching() {
          var q = search.value.trim().toLowerCase(), out = [];
          for (var i = 0; i < n; i++) if (!q || keys[i].indexOf(q) >= 0) out.push(i);
          return out;
        }
        function draw() {
          var idx = matching();
          list.textContent = "";
          idx.slice(0, TUNE.articleListShown).forEach(function (i) {
            var li = el("li");
            var cb = el("input");
            cb.type = "checkbox";
            cb.checked = state.articleOn[i];
            cb.setAttribute("aria-label", "Show the places of this article");
            cb.addEventListener("change", function () { state.articleOn[i] = cb.checked; applyFilter(state); count(idx.length); });
            var name = el("button", "gd-article-name", articleLabel(data.articles[i]));
            name.type = "button";
            name.title = "Zoom to this article's " + placesOf[i].length + " place(s)";
            name.addEventListener("click", function () {
              var pts = placesOf[i].map(function (p) { return [p.lat, p.lon]; });
              if (pts.length) fitClear(state, L.latLngBounds(pts).pad(0.1), 10);
            });
            li.appendChild(cb); li.appendChild(name);
            li.appendChild(el("span", "gd-article-count", String(placesOf[i].length)));
            list.appendChild(li);
          });
          count(idx.length);
        }
        function count(listed) {
          var on = state.articleOn.filter(Boolean).length;
          note.textContent = listed + " of " + n + " listed" +
            (listed > TUNE.articleListShown ? " (first " + TUNE.articleListShown + " shown: type to narrow)" : "") +
            "; " + on + " shown on the map";
        }
        function setListed(value) {
          matching().forEach(function (i) { state.articleOn[i] = value; });
          applyFilter(state);
          draw();
        }
        all.addEventListener("click", function () { setListed(true); });
        none.addEventListener("click", function () { setListed(false); });
        search.addEventListener("input", draw);
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
      }
    });
    new Panel().addTo(map);
  }

  // ------------------------------------------------------------------ title, legend
  function addTitle(map, data) {
    if (!data.title && !data.subtitle) return;
    var Title = L.Control.extend({
      options: { position: "topleft" },
      onAdd: function () {
        var box = el("div", "gd-title");
        if (data.title) box.appendChild(el("h1", null, data.title));
        if (data.subtitle) box.appendChild(el("p", null, data.subtitle));
        L.DomEvent.disableClickPropagation(box);
        return box;
      }
    });
    new Title().addTo(map);
  }

  function swatch(options) {
    var ns = "http:" + "//www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("width", "24");
    svg.setAttribute("height", "24");
    svg.setAttribute("viewBox", "0 0 24 24");
    var shape = document.createElementNS(ns, options.line ? "line" : "circle");
    if (options.line) {
      shape.setAttribute("x1", "1"); shape.setAttribute("y1", "12");
      shape.setAttribute("x2", "23"); shape.setAttribute("y2", "12");
      shape.setAttribute("stroke", options.color);
      shape.setAttribute("stroke-width", String(options.weight || 2));
      if (options.dash) shape.setAttribute("stroke-dasharray", options.dash);
    } else {
      shape.setAttribute("cx", "12"); shape.setAttribute("cy", "12");
      shape.setAttribute("r", String(Math.min(10, options.radius)));
      shape.setAttribute("fill", options.fill);
      shape.setAttribute("fill-opacity", String(options.fillOpacity));
      shape.setAttribute("stroke", options.stroke);
      shape.setAttribute("stroke-width", String(options.weight));
      if (options.dash) shape.setAttribute("stroke-dasharray", options.dash);
    }
    svg.appendChild(shape);
    return svg;
  }

  function legendRow(list, svg, text) {
    var item = el("li");
    item.appendChild(svg);
    item.appendChild(el("span", null, text));
    list.appendChild(item);
  }

  function addLegend(state) {
    var map = state.map, data = state.data;
    var Legend = L.Control.extend({
      options: { position: "bottomright" },
      onAdd: function () {
        var outer = el("details", "gd-legend");
        outer.open = map.getSize().y >= TUNE.legendOpenMinHeight;
        outer.appendChild(el("summary", null, "Legend"));
        var box = el("div", "gd-legend-body");
        outer.appendChild(box);
        box.appendChild(el("h2", null, "Colour: country"));
        var list = el("ul");
        Object.keys(data.countries).sort(function (a, b) {
          return (data.countries[b].n || 0) - (data.countries[a].n || 0) || (a < b ? -1 : 1);
        }).forEach(function (code) {
          var c = data.countries[code];
          if (!c.used) return;
          legendRow(list, swatch({ radius: 6, fill: c.color, fillOpacity: 0.9, stroke: "#ffffff", weight: 1.5 }),
            code && code !== "*" ? c.name + " (" + code + ")" : c.name);
        });
        box.appendChild(list);
        box.appendChild(el("h2", null, "Shape: what the name is"));
        list = el("ul");
        Object.keys(STYLE).forEach(function (precision) {
          if (data.precisions.indexOf(precision) < 0) return;
          var s = STYLE[precision];
          legendRow(list, swatch({
            radius: s.radius, fill: "#64748b", fillOpacity: s.fillOpacity,
            stroke: s.hollow ? "#64748b" : (precision === "feature" ? "#1f2933" : "#ffffff"),
            weight: s.weight, dash: s.dashArray
          }), PRECISION_LABEL[precision]);
        });
        if (data.borders.length) legendRow(list, swatch({ line: true, color: "#6b2d5c", weight: 2.2, dash: "7 4" }), "international border");
        if (data.distance_lines) legendRow(list, swatch({ line: true, color: "#c2410c", weight: 1.5, dash: "2 4" }), "to nearest border (km)");
        if (data.events && data.events.length) {
          legendRow(list, swatch({ radius: 9, fill: "#b91c1c", fillOpacity: 0.15, stroke: "#b91c1c", weight: 2.5 }), "exercise (dates: the slider)");
          legendRow(list, swatch({ radius: 9, fill: "#b91c1c", fillOpacity: 0.15, stroke: "#b91c1c", weight: 2.5, dash: "4 4" }), "exercise without dates");
        }
        if (data.features.length) legendRow(list, swatch({ line: true, color: "#2b7bb9", weight: 3 }), "river named in the articles");
        if (data.basemap && data.basemap.rivers) legendRow(list, swatch({ line: true, color: "#5b9bd5", weight: 1.4 }), "river (basemap)");
        box.appendChild(list);
        outer.addEventListener("toggle", function () { state.labels.schedule(); });
        L.DomEvent.disableClickPropagation(outer);
        L.DomEvent.disableScrollPropagation(outer);
        return outer;
      }
    });
    new Legend().addTo(map);
  }

  // ------------------------------------------------------------------ tools
  function addMiniMap(state) {
    var data = state.data;
    if (!L.Control.MiniMap || !data.basemap) return;
    var layer = L.geoJSON(data.basemap.countries, {
      interactive: false, filter: function (f) { return f.geometry.type.indexOf("Point") < 0; },
      style: { color: "#9aa5b1", weight: 0.5, fillColor: "#ebe7dc", fillOpacity: 1 }
    });
    new L.Control.MiniMap(layer, {
      position: "bottomright", toggleDisplay: true, minimized: state.map.getSize().y < TUNE.legendOpenMinHeight,
      width: 130, height: 110, zoomLevelOffset: -5, strings: { hideText: "Hide the overview", showText: "Show the overview" }
    }).addTo(state.map);
    state.map.getContainer().querySelector(".leaflet-control-minimap").classList.add("gd-minimap");
  }

  function addSearch(state) {
    var map = state.map, data = state.data;
    if (!L.Control.Search) return;
    var records = data.places.map(function (p) {
      var key = p.country ? p.name + " (" + p.country + ")" : p.name;
      return { title: key, loc: [p.lat, p.lon], place: p };
    });
    var byTitle = {};
    records.forEach(function (r) { if (!(r.title in byTitle)) byTitle[r.title] = r.place; });
    var search = new L.Control.Search({
      position: "topleft",
      sourceData: function (text, callback) { callback(records); return { abort: function () {} }; },
      propertyName: "title", propertyLoc: "loc",
      initial: false, casesensitive: false, autoType: false, tooltipLimit: 12,
      marker: false, textPlaceholder: "Find a place on the map", textErr: "No such place on this map",
      // tips as text nodes: the plugin would otherwise write place names with innerHTML
      buildTip: function (text) { return el("a", "gd-search-tip", text); },
      moveToLocation: function (latlng, title) {
        var p = byTitle[title];
        if (!p) { map.setView(latlng, Math.max(map.getZoom(), 9)); return; }
        var group = state.placeLayer;
        var open = function () { state.openPlace(p); };
        if (group.zoomToShowLayer && !p.prominent && group.hasLayer(p.marker)) {
          map.setView(latlng, Math.max(map.getZoom(), 9));
          group.zoomToShowLayer(p.marker, open);
        } else {
          map.setView(latlng, Math.max(map.getZoom(), 9));
          if (map.hasLayer(p.marker)) open();
        }
      }
    });
    search.addTo(map);
  }

  function addMeasure(state) {
    var map = state.map, ell = state.ell;
    var active = false, points = [], layer = L.featureGroup().addTo(map), result = null, button = null;
    function total() {
      var km = 0;
      for (var i = 1; i < points.length; i++) km += geodesicKm(ell, points[i - 1].lat, points[i - 1].lng, points[i].lat, points[i].lng);
      return km;
    }
    function redraw() {
      layer.clearLayers();
      points.forEach(function (p) {
        L.circleMarker(p, { radius: 4, color: "#111827", weight: 2, fillColor: "#fbbf24", fillOpacity: 1, className: "gd-measure-point" }).addTo(layer);
      });
      if (points.length > 1) L.polyline(points, { color: "#111827", weight: 2, dashArray: "6 4", className: "gd-measure-line" }).addTo(layer);
      var km = total();
      result.textContent = points.length < 2 ? (active ? "Click points on the map" : "") :
        (km < 10 ? km.toFixed(2) : km.toFixed(1)) + " km (WGS84 geodesic)";
      result.setAttribute("data-km", points.length < 2 ? "" : String(km));
    }
    function add(latlng) { points.push(latlng); redraw(); }
    function onClick(e) { add(e.latlng); }
    var Measure = L.Control.extend({
      options: { position: "topleft" },
      onAdd: function () {
        var box = el("div", "leaflet-bar gd-measure");
        button = el("a", "gd-measure-toggle", "\u21A6");
        button.href = "#";
        button.setAttribute("role", "button");
        button.title = "Measure a distance (click points; click here again to stop)";
        button.setAttribute("aria-label", "Measure a distance");
        result = el("span", "gd-measure-result");
        box.appendChild(button);
        box.appendChild(result);
        L.DomEvent.on(button, "click", function (e) {
          L.DomEvent.preventDefault(e);
          active = !active;
          box.classList.toggle("gd-measure-on", active);
          if (active) { points = []; map.on("click", onClick); map.getContainer().style.cursor = "crosshair"; state.measuring = add; }
          else { map.off("click", onClick); map.getContainer().style.cursor = ""; points = []; state.measuring = null; }
          redraw();
        });
        L.DomEvent.disableClickPropagation(box);
        return box;
      }
    });
    new Measure().addTo(map);
  }

  // ------------------------------------------------------------------ entry point
  // The page calls this once: the map element and the data element are fixed
  // ids in a fixed page; the data is JSON, parsed, never evaluated.
  root.geodrillsPage = function (mapElementId, dataElementId) {
    var data = JSON.parse(document.getElementById(dataElementId).textContent);
    var map = L.map(mapElementId, { preferCanvas: data.places.length > 1500, zoomSnap: 0.25, zoomControl: false,
                                    maxZoom: data.tiles ? data.tiles.max_zoom : 18 });
    map.fitBounds(L.latLngBounds(data.bounds), { animate: false }); // a first view; framed again once the controls are in
    var state = render(map, data);
    root.geodrillsMaps = root.geodrillsMaps || {};
    root.geodrillsMaps[mapElementId] = { map: map, state: state, geodesicKm: function (a, b, c, d) { return geodesicKm(data.ellipsoid, a, b, c, d); } };
    return data;
  };
})(window);
