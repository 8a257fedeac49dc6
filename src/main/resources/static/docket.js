// Live refresh: poll the ranking API with its ETag; a 304 costs the server a lookup, and only a new ranking
// makes htmx reload the rows on the page (elements listening for "ranking-changed").
(function () {
  var etag = null;
  function poll() {
    if (!document.querySelector('[hx-trigger~="ranking-changed"]')) { return; }
    var headers = etag ? {'If-None-Match': etag} : {};
    fetch('/api/ranking?page=0&size=1', {headers: headers, cache: 'no-store'}).then(function (r) {
      var next = r.headers.get('ETag');
      if (r.status === 200 && next) {
        if (etag !== null && next !== etag) { htmx.trigger(document.body, 'ranking-changed'); }
        etag = next;
      }
    }).catch(function () { /* offline for a moment: try again at the next tick */ });
  }
  document.addEventListener('DOMContentLoaded', function () {
    poll();
    setInterval(poll, Number(document.body.dataset.pollMs || 5000));
  });
})();

// Rank over time: uPlot draws the history the page loads after it is shown; rank 1 at the top.
function drawRankCharts(root) {
  root.querySelectorAll('[data-rank-chart]').forEach(function (el) {
    if (typeof uPlot === 'undefined' || el.dataset.drawn) { return; }
    el.dataset.drawn = 'yes';
    var data = JSON.parse(el.dataset.rankChart);
    if (!data[0].length) { el.textContent = 'No recorded changes yet.'; return; }
    new uPlot({
      width: Math.min(el.clientWidth || 600, 800), height: 220,
      scales: {x: {time: true}, y: {dir: -1}},
      series: [{}, {label: 'rank', stroke: '#0b5cad', width: 2, spanGaps: false}],
      axes: [{}, {label: 'rank'}]
    }, data, el);
  });
}
document.addEventListener('DOMContentLoaded', function () { drawRankCharts(document); });
document.addEventListener('htmx:afterSettle', function () { drawRankCharts(document); });

// The rule editor: CodeMirror over the textarea (which stays the form field), and problems marked at their line.
document.addEventListener('DOMContentLoaded', function () {
  var area = document.querySelector('textarea[data-editor]');
  if (!area || typeof CodeMirror === 'undefined') { return; }
  var cm = CodeMirror.fromTextArea(area, {lineNumbers: true, mode: 'text/x-java', indentUnit: 4,
    extraKeys: {Tab: false, 'Shift-Tab': false}}); // Tab leaves the editor, so the page stays keyboard-usable
  cm.getInputField().setAttribute('aria-label', 'Rule file content');
  document.body.addEventListener('htmx:configRequest', function (e) {
    if (e.detail.elt.closest && e.detail.elt.closest('#rule-editor')) {
      cm.save();
      e.detail.parameters['content'] = cm.getValue();
    }
  });
  var marked = [];
  document.body.addEventListener('htmx:afterSwap', function () {
    marked.forEach(function (l) { cm.removeLineClass(l, 'background', 'cm-problem'); });
    marked = [];
    var path = document.querySelector('#rule-editor input[name=path]').value;
    document.querySelectorAll('#rule-problems [data-problem-line]').forEach(function (li) {
      var line = Number(li.dataset.problemLine) - 1;
      if (li.dataset.problemFile === path && line >= 0) {
        marked.push(cm.addLineClass(line, 'background', 'cm-problem'));
      }
    });
  });
});

// Weekly charts: overrides and pins (fairness), closures (flow); data-series names the lines.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-weeks-chart]').forEach(function (el) {
    if (typeof uPlot === 'undefined') { return; }
    var data = JSON.parse(el.dataset.weeksChart);
    if (!data[0].length) { el.textContent = 'No weeks in this period.'; return; }
    new uPlot({
      width: Math.min(el.clientWidth || 600, 800), height: 220, scales: {x: {time: true}},
      series: [{}].concat((el.dataset.series || 'overrides,pins').split(',').map(function (label, i) {
        return {label: label, stroke: ['#0b5cad', '#a4161a'][i % 2], width: 2};
      }))
    }, data, el);
  });
});

// Sign-in posts the name and password to identity's POST /login as JSON (the API's strict JSON, and a cross-site page
// cannot send JSON without CORS), which answers with the session and CSRF cookies and no page; then back to "next".
document.addEventListener('submit', function (evt) {
  var form = evt.target;
  if (form.id !== 'sign-in') { return; }
  evt.preventDefault();
  fetch('/login', {method: 'POST', credentials: 'same-origin', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({username: form.elements.username.value, password: form.elements.password.value})
  }).then(function (r) {
    if (r.ok) { window.location.assign(form.dataset.next || '/'); } else { document.getElementById('sign-in-problem').hidden = false; }
  }).catch(function () { document.getElementById('sign-in-problem').hidden = false; });
});

// Sign-out posts the form (with its CSRF token) to identity's /logout, which clears the session cookie and shows no page.
document.addEventListener('htmx:afterRequest', function (evt) {
  if (evt.detail.elt && evt.detail.elt.id === 'sign-out') { window.location.assign('/'); }
});

// htmx sends each form's CSRF token as the X-CSRF-TOKEN header, so micronaut-security-csrf checks it without reading
// the body (reading it while it still arrives trips micronaut-core #11341, a 500; see application.yml).
document.addEventListener('htmx:configRequest', function (e) {
  var form = e.detail.elt.closest ? e.detail.elt.closest('form') : null;
  var field = form ? form.querySelector('input[name=csrfToken]') : null;
  if (field && field.value) { e.detail.headers['X-CSRF-TOKEN'] = field.value; }
});
