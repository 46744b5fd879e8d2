// mhbench HTML report: the paper-overlay switch, print preparation, and the replies table, built from the
// JSON block #replies-data. Text from the data is only ever set with textContent, never parsed as HTML.
// The filter lives in the address's fragment (#model=…&verdict=…&q=…), read on load and kept up to date.
(function () {
  'use strict';

  var toggles = Array.prototype.slice.call(document.querySelectorAll('input.paper-toggle'));
  function setPaper(on) {
    document.body.classList.toggle('hide-paper', !on);
    toggles.forEach(function (t) { t.checked = on; });
  }
  toggles.forEach(function (t) {
    t.addEventListener('change', function () { setPaper(t.checked); });
  });

  // Printing shows the collapsed details (per-question tables, numbers behind the line charts).
  var opened = [];
  window.addEventListener('beforeprint', function () {
    opened = Array.prototype.filter.call(document.querySelectorAll('details:not([open])'), function (d) {
      d.open = true;
      return true;
    });
  });
  window.addEventListener('afterprint', function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });

  var dataElement = document.getElementById('replies-data');
  if (!dataElement) {
    return;
  }
  var data = JSON.parse(dataElement.textContent);
  var col = {};
  data.columns.forEach(function (c, i) { col[c] = i; });
  var S = data.strings;
  var rows = data.rows;
  var FILTERS = ['run', 'experiment', 'model', 'condition', 'judge', 'verdict'];
  var state = {};
  var SIZES = [25, 50, 100, 200];

  function str(row, name) { return S[row[col[name]]]; }
  // the client's message is stored as its paragraphs' indices
  function message(row) { return row[col.message].map(function (i) { return S[i]; }).join('\n\n'); }
  function el(id) { return document.getElementById(id); }
  function make(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function reset() {
    FILTERS.forEach(function (f) { state[f] = ''; });
    state.review = '';
    state.q = '';
    state.page = 1;
    state.size = 50;
  }

  // Each select lists the values present, in order of first appearance, after "all".
  function fillSelects() {
    FILTERS.forEach(function (f) {
      var select = el('f-' + f);
      if (!select) { return; }
      var seen = {};
      var values = [];
      rows.forEach(function (r) {
        var v = str(r, f);
        if (!seen[v]) { seen[v] = true; values.push(v); }
      });
      select.appendChild(new Option('all', ''));
      values.forEach(function (v) { select.appendChild(new Option(v === '' ? '(none)' : v, v)); });
    });
    var size = el('p-size');
    SIZES.forEach(function (s) { size.appendChild(new Option(String(s), String(s))); });
  }

  function ensureOption(select, value) {
    if (value === '' || Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
      return;
    }
    select.appendChild(new Option(value, value));
  }

  function readHash() {
    reset();
    var h = location.hash.replace(/^#/, '');
    if (!h) { return; }
    var p = new URLSearchParams(h);
    FILTERS.forEach(function (f) { if (p.has(f)) { state[f] = p.get(f); } });
    if (p.has('review')) { state.review = p.get('review'); }
    if (p.has('q')) { state.q = p.get('q'); }
    var page = parseInt(p.get('page'), 10);
    if (page > 0) { state.page = page; }
    var size = parseInt(p.get('size'), 10);
    if (SIZES.indexOf(size) >= 0) { state.size = size; }
  }

  function writeHash() {
    var p = new URLSearchParams();
    FILTERS.forEach(function (f) { if (state[f] !== '') { p.set(f, state[f]); } });
    if (state.review) { p.set('review', state.review); }
    if (state.q) { p.set('q', state.q); }
    if (state.page > 1) { p.set('page', String(state.page)); }
    if (state.size !== 50) { p.set('size', String(state.size)); }
    var hash = p.toString();
    var url = location.href.split('#')[0] + (hash ? '#' + hash : '');
    try {
      history.replaceState(null, '', url);
    } catch (e) {
      // some browsers refuse replaceState on file: addresses; the filter still works
    }
  }

  function showState() {
    FILTERS.forEach(function (f) {
      var select = el('f-' + f);
      if (!select) { return; }
      ensureOption(select, state[f]);
      select.value = state[f];
    });
    el('f-review').value = state.review === 'yes' || state.review === 'no' ? state.review : '';
    el('f-q').value = state.q;
    el('p-size').value = String(state.size);
  }

  var haystacks = null;
  function haystack(i) {
    if (haystacks === null) { haystacks = new Array(rows.length); }
    if (haystacks[i] === undefined) {
      var r = rows[i];
      haystacks[i] = [str(r, 'model'), str(r, 'stimulus'), message(r), r[col.reply] || '', str(r, 'verdict'),
        str(r, 'judge'), str(r, 'setting'), str(r, 'condition')].join('\n').toLowerCase();
    }
    return haystacks[i];
  }

  function matches() {
    var out = [];
    var q = state.q.trim().toLowerCase();
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var ok = true;
      for (var k = 0; k < FILTERS.length && ok; k++) {
        var f = FILTERS[k];
        if (state[f] !== '') {
          ok = str(r, f) === state[f];
        }
      }
      if (ok && state.review === 'yes') { ok = r[col.review] === 1; }
      if (ok && state.review === 'no') { ok = r[col.review] !== 1; }
      if (ok && q) { ok = haystack(i).indexOf(q) >= 0; }
      if (ok) { out.push(i); }
    }
    return out;
  }

  function messageCell(text) {
    var td = make('td', 'message-cell');
    if (!text) {
      td.appendChild(make('span', 'na', '–'));
    } else if (text.length > 220) {
      var d = make('details');
      d.appendChild(make('summary', null, text.slice(0, 140).replace(/\s+/g, ' ') + '…'));
      d.appendChild(make('div', 'message', text));
      td.appendChild(d);
    } else {
      td.appendChild(make('div', 'message', text));
    }
    return td;
  }

  function render() {
    var found = matches();
    var pages = Math.max(1, Math.ceil(found.length / state.size));
    if (state.page > pages) { state.page = pages; }
    var start = (state.page - 1) * state.size;
    var shown = found.slice(start, start + state.size);
    var several = !!el('f-run');
    var tbody = el('replies-table').tBodies[0];
    var fragment = document.createDocumentFragment();
    shown.forEach(function (i) {
      var r = rows[i];
      var tr = make('tr');
      var model = make('th', 'model', str(r, 'model'));
      model.scope = 'row';
      if (several) { model.appendChild(make('span', 'sub run', str(r, 'run'))); }
      tr.appendChild(model);
      var setting = make('td', 'setting', str(r, 'experiment'));
      setting.appendChild(make('span', 'sub', str(r, 'setting')));
      tr.appendChild(setting);
      var stimulus = make('td', 'stimulus', str(r, 'stimulus'));
      stimulus.appendChild(make('span', 'sub condition', str(r, 'condition')));
      tr.appendChild(stimulus);
      tr.appendChild(messageCell(message(r)));
      var reply = make('td', 'reply-cell');
      var text = r[col.reply];
      reply.appendChild(text === null ? make('span', 'na', '(no reply)') : make('div', 'reply', text));
      tr.appendChild(reply);
      var verdict = str(r, 'verdict');
      var v = make('td', 'verdict');
      v.appendChild(make('span', 'v-' + verdict.replace(/[^a-z]+/g, '-'), verdict));
      var answer = str(r, 'answer');
      var judge = str(r, 'judge');
      if (answer || judge) {
        v.appendChild(make('span', 'sub judge', (judge ? judge : '') + (answer ? ': ' + answer : '')));
      }
      tr.appendChild(v);
      var p = r[col.pYes];
      tr.appendChild(make('td', 'pyes', p === null ? '–' : p.toFixed(2)));
      tr.appendChild(make('td', r[col.review] === 1 ? 'review review-yes' : 'review', r[col.review] === 1 ? 'yes' : ''));
      fragment.appendChild(tr);
    });
    tbody.replaceChildren(fragment);
    var count = el('replies-count');
    count.dataset.matches = String(found.length);
    count.textContent = found.length === 0 ? 'No reply matches the filter (' + rows.length.toLocaleString('en') + ' in all).'
      : 'Showing ' + (start + 1).toLocaleString('en') + '–' + (start + shown.length).toLocaleString('en') + ' of '
        + found.length.toLocaleString('en') + ' matching rows (' + rows.length.toLocaleString('en') + ' in all).';
    el('p-info').textContent = 'page ' + state.page + ' of ' + pages;
    el('p-prev').disabled = state.page <= 1;
    el('p-next').disabled = state.page >= pages;
  }

  function update(resetPage) {
    if (resetPage) { state.page = 1; }
    writeHash();
    render();
  }

  fillSelects();
  readHash();
  showState();
  render();

  FILTERS.forEach(function (f) {
    var select = el('f-' + f);
    if (select) {
      select.addEventListener('change', function () { state[f] = select.value; update(true); });
    }
  });
  el('f-review').addEventListener('change', function () { state.review = el('f-review').value; update(true); });
  var typing = null;
  el('f-q').addEventListener('input', function () {
    clearTimeout(typing);
    typing = setTimeout(function () { state.q = el('f-q').value; update(true); }, 150);
  });
  el('p-size').addEventListener('change', function () { state.size = parseInt(el('p-size').value, 10); update(true); });
  el('p-prev').addEventListener('click', function () { state.page -= 1; update(false); });
  el('p-next').addEventListener('click', function () { state.page += 1; update(false); });
  el('f-clear').addEventListener('click', function () { reset(); showState(); update(true); });
  el('reply-filters').addEventListener('submit', function (e) { e.preventDefault(); });
  window.addEventListener('hashchange', function () { readHash(); showState(); render(); });
}());
