/*
 * The live status page: polls /api/status and redraws. Every value is written with textContent,
 * so nothing the agent reports can inject markup.
 */
(function () {
  'use strict';
  var COLORS = ['#1a73e8', '#e8710a', '#188038', '#9334e6'];
  var refreshMs = 2000;
  var ERRORS_SHOWN = 10;

  function h(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
    return node;
  }

  function fmt(v, digits) {
    if (v === null || v === undefined) { return '–'; }
    if (typeof v === 'number') { return digits === undefined ? v.toLocaleString('en-US') : v.toFixed(digits); }
    return String(v);
  }

  function time(iso) {
    if (!iso) { return '–'; }
    var d = new Date(iso);
    return d.toISOString().replace('T', ' ').substring(0, 19) + ' UTC';
  }

  function ago(iso, nowMs) {
    if (!iso) { return 'never'; }
    var s = Math.max(0, Math.round((nowMs - Date.parse(iso)) / 1000));
    if (s < 120) { return s + ' s ago'; }
    if (s < 7200) { return Math.round(s / 60) + ' min ago'; }
    return Math.round(s / 3600) + ' h ago';
  }

  function tile(server, metric, label, value, detail) {
    return h('div', { 'class': 'tile' }, [
      h('div', { 'class': 'label', text: label }),
      h('div', { 'class': 'value', 'data-server': server, 'data-metric': metric, text: value }),
      h('div', { 'class': 'detail', text: detail || '' })
    ]);
  }

  function chart(title, lines, nowMs, windowMs, fixedMax) {
    var legend = h('span', { 'class': 'legend' });
    var drawn = lines.map(function (l, i) {
      var last = l.points.length ? l.points[l.points.length - 1][1] : null;
      var swatch = h('i');
      swatch.style.background = COLORS[i % COLORS.length];
      legend.appendChild(h('span', {}, [swatch, document.createTextNode(l.name + ' ' + fmt(last))]));
      return { name: l.name, color: COLORS[i % COLORS.length], points: l.points };
    });
    var svg = ButlerCharts.line({ lines: drawn, now: nowMs, windowMs: windowMs, fixedMax: fixedMax });
    return h('div', { 'class': 'chart', 'data-chart': title }, [
      h('div', { 'class': 'title' }, [h('span', { text: title }), legend]), svg]);
  }

  function serverCard(s, nowMs, windowMs) {
    var hist = s.history || {};
    var mem = s.memory || {};
    var sessions = s.sessions || {}, users = s.users || {}, apps = s.apps || {};
    var staleS = s.lastSample ? (nowMs - Date.parse(s.lastSample)) / 1000 : null;
    var meta = h('div', { 'class': 'meta' }, [
      document.createTextNode((s.host || '') + (s.version ? ' · Sense engine ' + s.version : '') +
        (s.uptime ? ' · up ' + s.uptime : '') + ' · sample ' + ago(s.lastSample, nowMs)),
      s.saturated ? h('span', { 'class': 'stale', text: ' · SATURATED' }) : null,
      staleS !== null && staleS > 300 ? h('span', { 'class': 'stale', text: ' · no fresh sample' }) : null
    ]);
    var proxies = (s.proxySessions || []).map(function (p) {
      return p.virtualProxy + ': ' + p.sessions + ' sessions, ' + p.users + ' users';
    }).join(' · ');
    var tiles = h('div', { 'class': 'tiles' }, [
      tile(s.name, 'cpu', 'CPU', s.cpu === null || s.cpu === undefined ? '–' : fmt(s.cpu, 0) + ' %'),
      tile(s.name, 'memory', 'Memory', fmt(mem.allocated === null || mem.allocated === undefined ? null : Math.round(mem.allocated)) + ' MB',
        'committed ' + fmt(mem.committed === null || mem.committed === undefined ? null : Math.round(mem.committed)) +
        ' · free ' + fmt(mem.free === null || mem.free === undefined ? null : Math.round(mem.free))),
      tile(s.name, 'sessions', 'Sessions', fmt(sessions.active), 'total ' + fmt(sessions.total)),
      tile(s.name, 'users', 'Users', fmt(users.active), 'total ' + fmt(users.total)),
      tile(s.name, 'apps', 'Apps', fmt(apps.active), 'loaded ' + fmt(apps.loaded) + ' · in memory ' + fmt(apps.inMemory))
    ]);
    var charts = h('div', { 'class': 'charts' }, [
      chart('CPU %', [{ name: 'cpu', points: hist.cpu || [] }], nowMs, windowMs, 100),
      chart('Memory allocated (MB)', [{ name: 'memory', points: hist.memory || [] }], nowMs, windowMs),
      chart('Sessions, users, apps', [{ name: 'sessions', points: hist.sessions || [] },
        { name: 'users', points: hist.users || [] }, { name: 'apps', points: hist.apps || [] }], nowMs, windowMs)
    ]);
    var card = h('div', { 'class': 'card server', 'data-server': s.name }, [
      h('h3', { text: s.name + (s.description ? ' – ' + s.description : '') }), meta, tiles, charts,
      proxies ? h('div', { 'class': 'meta', text: 'Proxy sessions: ' + proxies }) : null,
      s.lastError ? h('div', { 'class': 'lasterror', text: 'Last error ' + ago(s.lastError.time, nowMs) + ': ' +
        s.lastError.errorType + ' (' + s.lastError.category + ') ' + s.lastError.message }) : null
    ]);
    return card;
  }

  function receiverCard(r, nowMs, windowMs) {
    var hist = r.history || {};
    var reasons = Object.keys(r.droppedByReason || {}).map(function (k) { return k + ' ' + r.droppedByReason[k]; }).join(', ');
    return h('div', { 'class': 'card receiver', 'data-receiver': r.queueType }, [
      h('h3', { text: r.queueType.replace('_', ' ') }),
      h('div', { 'class': 'meta', text: 'host ' + r.host + ' · reported ' + ago(r.lastReport, nowMs) + ' · every ' + r.intervalS + ' s' }),
      h('div', { 'class': 'tiles' }, [
        tile(r.queueType, 'received', 'Received /s', fmt(r.receivedPerS), fmt(r.receivedSinceStart) + ' since start'),
        tile(r.queueType, 'processed', 'Processed /s', fmt(r.processedPerS), 'failed ' + fmt(r.failed)),
        tile(r.queueType, 'dropped', 'Dropped /s', fmt(r.droppedPerS), fmt(r.droppedSinceStart) + ' since start'),
        tile(r.queueType, 'queue', 'Queue', fmt(r.queueFillPct) + ' %', r.queueSize + ' of ' + r.queueMaxSize +
          (r.backpressure ? ' · BACKPRESSURE' : '')),
        tile(r.queueType, 'p95', 'Parse p95', fmt(r.processingP95Ms) + ' ms', '')
      ]),
      h('div', { 'class': 'charts' }, [
        chart('Datagrams per second', [{ name: 'received', points: hist.received || [] },
          { name: 'dropped', points: hist.dropped || [] }], nowMs, windowMs)
      ]),
      reasons ? h('div', { 'class': 'meta', text: 'Dropped since start by reason: ' + reasons }) : null
    ]);
  }

  function fillBar(pct) {
    var bar = h('div', { 'class': 'bar' + (pct >= 90 ? ' high' : '') });
    bar.style.width = Math.min(100, Math.max(0, pct)) + '%';
    return h('span', {}, [h('span', { 'class': 'fill' }, [bar]), h('span', { 'class': 'fill-text', text: fmt(pct, 1) + ' %' })]);
  }

  function replaceRows(tableId, rows, emptyText, columns) {
    var body = document.querySelector('#' + tableId + ' tbody');
    body.textContent = '';
    if (!rows.length) {
      body.appendChild(h('tr', {}, [h('td', { colspan: String(columns), 'class': 'empty', text: emptyText })]));
    }
    rows.forEach(function (r) { body.appendChild(r); });
  }

  function render(d) {
    var nowMs = Date.parse(d.time);
    var windowMs = (d.historyMinutes || 60) * 60000;
    refreshMs = d.refreshMs || refreshMs;

    var agent = d.agent;
    document.getElementById('agent').textContent = agent
      ? agent.instance + ' · ' + agent.version + ' · up ' + Math.round(agent.uptimeS / 60) + ' min · heap ' +
        fmt(agent.heapUsedMb, 0) + ' MB · ' + d.signalsSeen + ' signals seen'
      : d.signalsSeen + ' signals seen';
    var badge = document.getElementById('ready');
    badge.setAttribute('data-ready', String(d.ready));
    badge.textContent = d.ready ? 'READY' : 'NOT READY';
    var problems = document.getElementById('problems');
    problems.textContent = '';
    (d.problems || []).forEach(function (p) { problems.appendChild(h('li', { text: p })); });

    var servers = document.getElementById('servers');
    servers.textContent = '';
    if (!d.servers.length) { servers.appendChild(h('p', { 'class': 'empty', text: 'No health sample received yet.' })); }
    d.servers.forEach(function (s) { servers.appendChild(serverCard(s, nowMs, windowMs)); });

    var shownErrors = d.errors.slice(0, ERRORS_SHOWN);
    replaceRows('errors', shownErrors.map(function (e) {
      return h('tr', { 'class': 'cat-error', 'data-error-type': e.errorType }, [
        h('td', { text: time(e.time) }), h('td', { text: e.errorType + (e.module ? ' / ' + e.module : '') }),
        h('td', { text: e.server || '–' }), h('td', { text: e.category + (e.httpStatus ? ' ' + e.httpStatus : '') }),
        h('td', { 'class': 'msg', text: e.message })]);
    }), 'No warnings or errors.', 5);
    if (d.errors.length > shownErrors.length) {
      document.querySelector('#errors tbody').appendChild(h('tr', {}, [h('td', { colspan: '5', 'class': 'empty',
        text: (d.errors.length - shownErrors.length) + ' older ones kept in /api/status' })]));
    }

    replaceRows('sinks', d.sinks.map(function (s) {
      var failing = s.lastErrorTime && (!s.lastSuccess || Date.parse(s.lastErrorTime) > Date.parse(s.lastSuccess));
      var state = !s.attached ? ['gone', 'state-idle'] : failing ? ['failing', 'state-bad'] : ['delivering', 'state-ok'];
      var dropped = Object.keys(s.dropped || {}).filter(function (k) { return s.dropped[k] > 0; })
        .map(function (k) { return k + ' ' + s.dropped[k]; }).join(', ');
      return h('tr', { 'data-sink': s.name }, [
        h('td', { text: s.name }), h('td', { text: s.target || '' }),
        h('td', { 'class': state[1], text: state[0] }),
        h('td', { 'class': 'num', 'data-sink-delivered': s.name, text: fmt(s.delivered) }),
        h('td', { 'class': 'num', text: fmt(s.retries) }),
        h('td', { 'class': 'num', title: dropped, text: fmt(s.droppedTotal) }),
        h('td', {}, [fillBar(s.queueFillPct)]),
        h('td', { text: ago(s.lastSuccess, nowMs) }),
        h('td', { 'class': 'msg', text: s.lastError ? ago(s.lastErrorTime, nowMs) + ': ' + s.lastError : '' })]);
    }), 'No sink attached to the delivery core.', 9);

    var receivers = document.getElementById('receivers');
    receivers.textContent = '';
    if (!d.receivers.length) { receivers.appendChild(h('p', { 'class': 'empty', text: 'No receiver metrics yet.' })); }
    d.receivers.forEach(function (r) { receivers.appendChild(receiverCard(r, nowMs, windowMs)); });

    replaceRows('events', (d.events.sources || []).map(function (e) {
      return h('tr', {}, [h('td', { text: e.eventType }), h('td', { text: e.source }),
        h('td', { 'class': 'num', text: fmt(e.lastInterval) }), h('td', { 'class': 'num', text: fmt(e.sinceStart) })]);
    }), 'No event counts yet.', 4);

    document.getElementById('footer').textContent = 'Updated ' + time(d.time) + ' · refreshes every ' +
      (refreshMs / 1000) + ' s · charts show the last ' + (d.historyMinutes || 60) + ' minutes, kept in memory.';
    document.body.setAttribute('data-rendered', d.time);
  }

  function poll() {
    fetch('/api/status', { cache: 'no-store', credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(function (d) {
        document.getElementById('offline').classList.add('hidden');
        render(d);
      })
      .catch(function () { document.getElementById('offline').classList.remove('hidden'); })
      .then(function () { setTimeout(poll, refreshMs); });
  }

  poll();
}());
