/*
 * Small line charts drawn as SVG by hand: no chart library, nothing fetched from elsewhere.
 * ButlerCharts.line(options) returns an <svg> with one polyline per line of the chart.
 */
(function (global) {
  'use strict';
  var NS = 'http://www.w3.org/2000/svg';
  var W = 400, H = 130, LEFT = 40, RIGHT = 8, TOP = 8, BOTTOM = 18;

  function el(name, attrs, text) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  /* A round upper bound for the y axis: 1, 2 or 5 times a power of ten. */
  function niceMax(value) {
    if (!(value > 0)) { return 1; }
    var power = Math.pow(10, Math.floor(Math.log10(value)));
    var steps = [1, 2, 5, 10];
    for (var i = 0; i < steps.length; i++) {
      if (value <= steps[i] * power) { return steps[i] * power; }
    }
    return 10 * power;
  }

  function formatNumber(v) {
    if (Math.abs(v) >= 1e6) { return (v / 1e6).toFixed(1) + 'M'; }
    if (Math.abs(v) >= 1e4) { return (v / 1e3).toFixed(0) + 'k'; }
    if (Math.abs(v) >= 100 || v === Math.round(v)) { return String(Math.round(v)); }
    return v.toFixed(1);
  }

  /*
   * options: { lines: [{name, color, points: [[epochMs, value], ...]}], now: epochMs,
   *            windowMs: number, fixedMax: number (optional) }
   */
  function line(options) {
    var svg = el('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'class': 'linechart' });
    var end = options.now, start = end - options.windowMs;
    var max = 0, count = 0;
    options.lines.forEach(function (l) {
      l.points.forEach(function (p) { if (p[0] >= start) { max = Math.max(max, p[1]); count++; } });
    });
    max = options.fixedMax || niceMax(max);
    var plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM;
    function x(t) { return LEFT + (t - start) / (end - start) * plotW; }
    function y(v) { return TOP + plotH - Math.min(v, max) / max * plotH; }

    for (var i = 0; i <= 4; i++) {
      var gy = TOP + plotH * i / 4;
      svg.appendChild(el('line', { 'class': 'grid', x1: LEFT, x2: W - RIGHT, y1: gy, y2: gy }));
      if (i % 2 === 0) {
        svg.appendChild(el('text', { 'class': 'axis', x: LEFT - 4, y: gy + 3, 'text-anchor': 'end' },
          formatNumber(max * (4 - i) / 4)));
      }
    }
    var minutes = Math.round(options.windowMs / 60000);
    [[start, '-' + minutes + ' min', 'start'], [start + (end - start) / 2, '-' + Math.round(minutes / 2) + ' min', 'middle'],
     [end, 'now', 'end']].forEach(function (tick) {
      svg.appendChild(el('text', { 'class': 'axis', x: x(tick[0]), y: H - 5, 'text-anchor': tick[2] }, tick[1]));
    });

    if (count === 0) {
      svg.appendChild(el('text', { 'class': 'nodata', x: LEFT + plotW / 2, y: TOP + plotH / 2, 'text-anchor': 'middle' },
        'no data in this window'));
      return svg;
    }
    options.lines.forEach(function (l) {
      var pts = l.points.filter(function (p) { return p[0] >= start; })
        .map(function (p) { return x(p[0]).toFixed(1) + ',' + y(p[1]).toFixed(1); });
      if (pts.length === 1) { pts.push((x(end)).toFixed(1) + ',' + pts[0].split(',')[1]); }
      svg.appendChild(el('polyline', { 'class': 'line', stroke: l.color, points: pts.join(' '),
        'data-line': l.name, 'data-points': String(pts.length) }));
    });
    return svg;
  }

  global.ButlerCharts = { line: line, niceMax: niceMax, formatNumber: formatNumber };
}(window));
