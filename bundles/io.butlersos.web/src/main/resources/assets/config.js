/* The configuration view: one row per key; masked values arrive masked from the agent. */
(function () {
  'use strict';
  function td(text, cls) {
    var cell = document.createElement('td');
    cell.textContent = text;
    if (cls) { cell.className = cls; }
    return cell;
  }
  fetch('/api/config', { cache: 'no-store', credentials: 'same-origin' })
    .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
    .then(function (d) {
      document.getElementById('note').textContent = d.configurations.length + ' configurations' +
        (d.metatype ? '' : ' (no Metatype service: secrets found by their key names only)');
      var body = document.querySelector('#configs tbody');
      d.configurations.forEach(function (c) {
        Object.keys(c.properties).forEach(function (key, i) {
          var value = c.properties[key];
          var text = Array.isArray(value) ? value.join(', ') : String(value);
          var row = document.createElement('tr');
          row.appendChild(td(i === 0 ? c.pid : ''));
          row.appendChild(td(key));
          row.appendChild(td(text, text === '********' ? 'masked' : ''));
          body.appendChild(row);
        });
      });
    })
    .catch(function (e) { document.getElementById('note').textContent = 'Could not load the configuration: ' + e.message; });
}());
