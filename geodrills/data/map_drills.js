/* geodrills map renderer (part of geodrills, MIT licence).
 *
 * Draws a drills map from one JSON payload written by geodrills.maps.
 * Every string in the payload is untrusted (article text, titles, names): it
 * reaches the page only through textContent / createTextNode, or through
 * gdEscape() where Leaflet itself insists on HTML (layer-control labels).
 * No innerHTML, no template literals, no eval.
 */
(function (root) {
  "use strict";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // Leaflet's layer control writes its labels with innerHTML, so the names
  // we give it are fully escaped first.
  function gdEscape(text) {
    return String(text)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#39;");
  }

  function fmtKm(km) {
    if (km === null || km === undefined) return "";
    return (km < 10 ? km.toFixed(1) : km.toFixed(0)) + " km";
  }

  var STYLE = {
    settlement: { radius: 6, fillOpacity: 0.9, weight: 1.5, dashArray: null, hollow: false },
    admin: { radius: 8, fillOpacity: 0.45, weight: 2, dashArray: "3 2", hollow: false },
    region: { radius: 10, fillOpacity: 0.12, weight: 2.5, dashArray: "5 3", hollow: true },
    country: { radius: 12, fillOpacity: 0.0, weight: 2.5, dashArray: "1 3", hollow: true },
    feature: { radius: 6, fillOpacity: 0.9, weight: 2, dashArray: null, hollow: false }
  };
  var PRECISION_LABEL = {
    settlement: "city, town or village",
    admin: "province or district",
    region: "region",
    country: "country (centre)",
    feature: "river, mountain, sea or crossing"
  };

  function markerOptions(data, place) {
    var style = STYLE[place.precision] || STYLE.settlement;
    var color = (data.countries[place.country] || data.countries[""] || {}).color || "#555555";
    var radius = style.radius + Math.min(4, Math.log2(place.n_mentions || 1));
    if (data.places.length > 500) radius = Math.max(3, radius * 0.6);
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

  function articleLabel(article, maxChars) {
    var label = article.title || article.name || "article";
    if (maxChars && label.length > maxChars) label = label.slice(0, maxChars - 1).trimEnd() + "\u2026";
    return article.date ? label + " \u2014 " + article.date : label;
  }

  function buildPopup(data, place, firstArticle) {
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
    box.appendChild(table);
    // this article's sentences first, then the others, in article order
    var order = place.mentions.slice().sort(function (a, b) {
      var fa = a.a === firstArticle ? 0 : 1, fb = b.a === firstArticle ? 0 : 1;
      return fa - fb || a.a - b.a;
    });
    var shown = 0;
    var lastArticle = -1;
    var list = null;
    for (var i = 0; i < order.length; i++) {
      var m = order[i];
      if (shown >= 6) {
        box.appendChild(el("p", "gd-more", "+ " + (order.length - shown) + " more mention(s)"));
        break;
      }
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
    return box;
  }

  function label(text, className) {
    return L.divIcon({ html: el("span", null, text), className: className, iconSize: null });
  }

  function addBasemap(map, data, basemapPane, labelPane) {
    var base = data.basemap;
    map.getContainer().classList.add("gd-offline");
    var land = L.geoJSON(base.countries, {
      pane: basemapPane,
      interactive: false,
      style: function (feature) {
        var focus = data.countries[feature.properties.iso] !== undefined;
        return {
          color: "#9aa5b1", weight: 0.8, opacity: 0.9,
          fillColor: focus ? "#f7f3e8" : "#ebe7dc", fillOpacity: 1, className: "gd-land"
        };
      }
    }).addTo(map);
    var names = L.layerGroup();
    base.labels.forEach(function (lab) {
      L.marker([lab.lat, lab.lon], {
        icon: label(lab.name, "gd-country-label"), interactive: false, pane: labelPane, keyboard: false
      }).addTo(names);
    });
    names.addTo(map);
    return land;
  }

  function render(map, data) {
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(gdEscape(data.attribution));
    var overlays = [];
    map.createPane("gdBasemap").style.zIndex = 250;
    map.createPane("gdAreas").style.zIndex = 350;
    map.createPane("gdLabels").style.zIndex = 450;
    map.getPane("gdLabels").style.pointerEvents = "none";

    if (data.basemap) addBasemap(map, data, "gdBasemap", "gdLabels");

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
      overlays.push(["Rivers and regions", features]);
    }

    if (data.borders.length) {
      var borders = L.featureGroup();
      data.borders.forEach(function (b) {
        var line = L.polyline(b.lines, {
          color: "#6b2d5c", weight: b.focus ? 2.2 : 1.4, opacity: b.focus ? 0.9 : 0.55, dashArray: "7 4",
          className: "gd-border"
        });
        line.bindTooltip(el("span", null, b.label), { sticky: true });
        line.addTo(borders);
        if (!b.focus) return;
        L.marker(b.label_at, {
          icon: label(b.pair, "gd-border-label"), interactive: false, pane: "gdLabels", keyboard: false
        }).addTo(borders);
      });
      borders.addTo(map);
      overlays.push(["International borders", borders]);
    }

    if (data.distance_lines) {
      var distances = L.featureGroup();
      var few = data.places.length <= 60;
      data.places.forEach(function (p) {
        if (!p.border || p.precision === "country") return;
        // a label on every line would bury the map: only near, point-like places keep theirs
        var permanent = few && p.km <= 150 && p.precision !== "region";
        var line = L.polyline([[p.lat, p.lon], [p.border_lat, p.border_lon]], {
          color: "#c2410c", weight: 1.5, opacity: 0.85, dashArray: "2 4", className: "gd-distance",
          interactive: true
        });
        line.bindTooltip(el("span", null, fmtKm(p.km)), {
          permanent: permanent, direction: "center", className: "gd-km"
        });
        line.addTo(distances);
      });
      // with hundreds of places the lines hide the map: listed in the layer control, off at first
      if (data.places.length <= 200) distances.addTo(map);
      overlays.push(["Distance to nearest border", distances]);
    }

    if (data.rings.length) {
      var rings = L.featureGroup();
      data.rings.forEach(function (r) {
        var ring = L.polygon(r.ring, {
          color: "#334155", weight: 1, opacity: 0.7, fill: false, dashArray: "1 3", className: "gd-ring",
          interactive: false
        });
        ring.addTo(rings);
        L.marker(r.label_at, {
          icon: label(r.label, "gd-ring-label"), interactive: false, pane: "gdLabels", keyboard: false
        }).addTo(rings);
      });
      rings.addTo(map);
      overlays.push(["Range rings", rings]);
    }

    data.articles.forEach(function (article, index) {
      var group = L.featureGroup();
      data.places.forEach(function (p) {
        if (p.articles.indexOf(index) < 0) return;
        var marker = L.circleMarker([p.lat, p.lon], markerOptions(data, p));
        marker.bindTooltip(function () { return el("span", null, p.name); }, { direction: "top", offset: [0, -6] });
        marker.bindPopup(function () { return buildPopup(data, p, index); }, { maxWidth: 360, minWidth: 240, maxHeight: 300,
            // keep the popup clear of the title panel and the legend, which sit above popups
            autoPanPaddingTopLeft: L.point(20, 190), autoPanPaddingBottomRight: L.point(220, 20) });
        marker.addTo(group);
      });
      group.addTo(map);
      overlays.push([articleLabel(article, 56), group]);
    });

    if (data.events && data.events.length) addEvents(map, data, overlays);

    var control = L.control.layers(null, null, { collapsed: overlays.length > 5, position: "topright" });
    overlays.forEach(function (o) { control.addOverlay(o[1], gdEscape(o[0])); });
    control.addTo(map);
    L.control.scale({ imperial: false, position: "bottomleft", maxWidth: 160 }).addTo(map);
    addTitle(map, data);
    addLegend(map, data);

    var bounds = L.latLngBounds(data.bounds);
    map.fitBounds(bounds, { padding: [28, 28], animate: false });
    if (data.basemap) {
      // Outside the bundled shapes there is nothing to draw: keep the view inside.
      var clip = L.latLngBounds(data.basemap.clip);
      map.setMaxBounds(clip);
      map.options.maxBoundsViscosity = 1.0;
      map.setMinZoom(Math.min(map.getZoom(), map.getBoundsZoom(clip, true)));
    }
    var container = map.getContainer();
    container.setAttribute("data-gd-places", String(data.places.length));
    container.setAttribute("data-gd-ready", "1");
  }

  function addTitle(map, data) {
    if (!data.title && !data.subtitle) return;
    var Title = L.Control.extend({
      options: { position: "topleft" },
      onAdd: function () {
        var box = el("div", "gd-title");
        if (data.title) box.appendChild(el("h1", null, data.title));
        if (data.subtitle) box.appendChild(el("p", null, data.subtitle));
        if (data.elsewhere && data.elsewhere.length) {
          var names = data.elsewhere.map(function (p) { return p.country ? p.name + " (" + p.country + ")" : p.name; });
          box.appendChild(el("p", "gd-elsewhere", "Also named, beyond this map: " + names.join(", ")));
        }
        L.DomEvent.disableClickPropagation(box);
        return box;
      }
    });
    new Title().addTo(map);
  }

  function swatch(options) {
    var ns = "http://www.w3.org/2000/svg";
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

  function addLegend(map, data) {
    var Legend = L.Control.extend({
      options: { position: "bottomright" },
      onAdd: function () {
        var box = el("div", "gd-legend");
        box.appendChild(el("h2", null, "Colour: country"));
        var list = el("ul");
        Object.keys(data.countries).sort().forEach(function (code) {
          var c = data.countries[code];
          if (!c.used) return;
          legendRow(list, swatch({ radius: 6, fill: c.color, fillOpacity: 0.9, stroke: "#ffffff", weight: 1.5 }),
            code ? c.name + " (" + code + ")" : c.name);
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
        if (data.events && data.events.length) legendRow(list, swatch({ radius: 9, fill: "#b91c1c", fillOpacity: 0.15, stroke: "#b91c1c", weight: 2.5 }), "exercise (see the date slider)");
        if (data.features.length) legendRow(list, swatch({ line: true, color: "#2b7bb9", weight: 3 }), "river");
        box.appendChild(list);
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
      }
    });
    new Legend().addTo(map);
  }

  function addEvents(map, data, overlays) {
    var events = data.events;
    var groups = [];
    events.forEach(function (ev) {
      var group = L.featureGroup();
      ev.points.forEach(function (pt) {
        var marker = L.circleMarker([pt.lat, pt.lon], {
          radius: 14, color: "#b91c1c", weight: 2.5, fill: true, fillColor: "#b91c1c", fillOpacity: 0.15,
          className: "gd-event"
        });
        marker.bindTooltip(el("span", null, ev.name), { direction: "bottom" });
        marker.bindPopup(function () {
          var box = el("div", "gd-popup");
          box.appendChild(el("h3", "gd-popup-title", ev.name));
          var table = el("table", "gd-facts");
          row(table, "Dates", ev.start === ev.end ? ev.start : (ev.start || "?") + " \u2013 " + (ev.end || "?"));
          row(table, "Place", pt.name);
          row(table, "Participants", ev.participants);
          row(table, "Source", ev.source);
          box.appendChild(table);
          return box;
        }, { maxWidth: 320, autoPanPaddingTopLeft: L.point(20, 190), autoPanPaddingBottomRight: L.point(220, 20) });
        marker.addTo(group);
      });
      group.addTo(map);
      groups.push({ event: ev, group: group });
      overlays.push(["Exercise: " + ev.name, group]);
    });
    var days = data.event_days;
    if (!days || days.length < 2) return;
    var Slider = L.Control.extend({
      options: { position: "bottomleft" },
      onAdd: function () {
        var box = el("div", "gd-slider");
        var caption = el("label", null, "All dates");
        var input = el("input");
        input.type = "range";
        input.min = "0";
        input.max = String(days.length);
        input.step = "1";
        input.value = String(days.length);
        input.setAttribute("aria-label", "Show the exercises under way on a date");
        input.addEventListener("input", function () {
          var i = Number(input.value);
          var day = i >= days.length ? null : days[i];
          caption.textContent = day === null ? "All dates" : day;
          groups.forEach(function (g) {
            var on = day === null || ((!g.event.start || g.event.start <= day) && (!g.event.end || day <= g.event.end));
            if (on && !map.hasLayer(g.group)) g.group.addTo(map);
            if (!on && map.hasLayer(g.group)) map.removeLayer(g.group);
          });
        });
        box.appendChild(caption);
        box.appendChild(input);
        L.DomEvent.disableClickPropagation(box);
        return box;
      }
    });
    new Slider().addTo(map);
  }

  // The page calls this once: the map element and the data element are fixed
  // ids in a fixed page; the data is JSON, parsed, never evaluated.
  root.geodrillsPage = function (mapElementId, dataElementId) {
    var data = JSON.parse(document.getElementById(dataElementId).textContent);
    var map = L.map(mapElementId, { preferCanvas: data.places.length > 1500, zoomSnap: 0.25 });
    if (data.tiles) {
      L.tileLayer(data.tiles.url, { maxZoom: data.tiles.max_zoom, attribution: gdEscape(data.tiles.attribution) })
        .addTo(map);
    }
    render(map, data);
    return data;
  };
})(window);
