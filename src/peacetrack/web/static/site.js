// peacetrack: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  // Score trajectories: a read-out of every line at the month under the pointer,
  // or, with the chart focused, at the month chosen with the arrow keys.
  function enhanceChart(figure) {
    var dataNode = figure.querySelector("script.chart-data");
    var svg = figure.querySelector("svg.trajectory");
    if (!dataNode || !svg) return;
    var data;
    try { data = JSON.parse(dataNode.textContent); } catch (e) { return; }
    var xs = data.xs || [];
    if (!xs.length) return;
    var cursor = svg.querySelector(".cursor");
    var tip = figure.querySelector(".chart-tip");
    var readout = figure.querySelector(".chart-readout");
    var box = figure.querySelector(".chart-box");
    var current = -1;

    function nearest(x) {
      var best = 0;
      for (var i = 1; i < xs.length; i++) {
        if (Math.abs(xs[i] - x) < Math.abs(xs[best] - x)) best = i;
      }
      return best;
    }

    function lines(i) {
      var rows = [];
      data.series.forEach(function (s) {
        var value = s.values[i];
        if (value === null || value === undefined) return;
        rows.push({ name: s.name, colour: s.colour, value: value.toFixed(1), reversed: s.reversed[i] });
      });
      return rows;
    }

    function show(i) {
      current = Math.max(0, Math.min(xs.length - 1, i));
      var x = xs[current];
      cursor.setAttribute("x1", x);
      cursor.setAttribute("x2", x);
      cursor.setAttribute("visibility", "visible");
      var rows = lines(current);
      tip.replaceChildren();
      var head = document.createElement("div");
      head.className = "tip-month";
      head.textContent = data.months[current];
      tip.appendChild(head);
      rows.forEach(function (r) {
        var row = document.createElement("div");
        row.className = "tip-row";
        var sw = document.createElement("span");
        sw.className = "tip-swatch";
        sw.style.background = r.colour;
        var text = document.createElement("span");
        text.textContent = r.value + "  " + r.name + (r.reversed ? "  (↓" + r.reversed + ")" : "");
        row.appendChild(sw);
        row.appendChild(text);
        tip.appendChild(row);
      });
      tip.hidden = false;
      // Place the tip beside the cursor, inside the chart box.
      var scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      var px = x * scale - box.scrollLeft;
      var room = box.clientWidth;
      tip.style.left = "";
      tip.style.right = "";
      if (px > room / 2) tip.style.right = Math.max(0, room - px + 12) + "px";
      else tip.style.left = px + 12 + "px";
      readout.textContent = data.months[current] + ": " + rows.map(function (r) {
        return r.name + " " + r.value;
      }).join("; ");
    }

    function hide() {
      cursor.setAttribute("visibility", "hidden");
      tip.hidden = true;
    }

    svg.addEventListener("pointermove", function (ev) {
      var pt = svg.createSVGPoint();
      pt.x = ev.clientX;
      pt.y = ev.clientY;
      var ctm = svg.getScreenCTM();
      if (!ctm) return;
      show(nearest(pt.matrixTransform(ctm.inverse()).x));
    });
    svg.addEventListener("pointerleave", function () { if (document.activeElement !== svg) hide(); });
    svg.addEventListener("focus", function () { show(current < 0 ? xs.length - 1 : current); });
    svg.addEventListener("blur", hide);
    svg.addEventListener("keydown", function (ev) {
      var step = { ArrowLeft: -1, ArrowRight: 1, PageUp: -12, PageDown: 12 }[ev.key];
      if (step) { show(current + step); ev.preventDefault(); }
      else if (ev.key === "Home") { show(0); ev.preventDefault(); }
      else if (ev.key === "End") { show(xs.length - 1); ev.preventDefault(); }
      else if (ev.key === "Escape") { hide(); }
    });
  }

  // The language link also sets the cookie on the server; keep the current
  // fragment so switching language does not lose the reader's place.
  function keepFragment(link) {
    link.addEventListener("click", function () {
      if (location.hash) link.href = link.href.split("#")[0] + location.hash;
    });
  }

  function start() {
    document.querySelectorAll("[data-chart]").forEach(enhanceChart);
    document.querySelectorAll("[data-lang-switch]").forEach(keepFragment);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
