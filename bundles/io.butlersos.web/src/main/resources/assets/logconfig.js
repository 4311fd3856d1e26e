/* The LocalLogConfig.xml files: where each goes on a Sense node, its text, and a download link. */
(function () {
  'use strict';
  function element(tag, text, cls) {
    var e = document.createElement(tag);
    if (text) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  var note = document.getElementById('note');
  fetch('/api/logconfig', { cache: 'no-store', credentials: 'same-origin' })
    .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
    .then(function (d) {
      if (!d.available) {
        note.textContent = 'No files: ' + d.reason + '.';
        return;
      }
      note.textContent = 'The files send to ' + d.remoteAddress + '. Copy each to its folder on every Sense node ' +
        'and restart that service (or wait for Sense to re-read it).';
      var box = document.getElementById('files');
      d.files.forEach(function (f) {
        var section = element('section', null, 'file');
        section.id = 'file-' + f.service;
        var title = element('h2', f.service + ' ');
        var link = element('a', 'download');
        link.href = f.download;
        link.setAttribute('download', 'LocalLogConfig.xml');
        title.appendChild(link);
        section.appendChild(title);
        section.appendChild(element('p', f.path, 'path'));
        section.appendChild(element('pre', f.xml, 'xml'));
        box.appendChild(section);
      });
    })
    .catch(function (e) { note.textContent = 'Could not load the files: ' + e.message; });
}());
