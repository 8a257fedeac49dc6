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

// Rank over time: uPlot draws the history the page embeds; rank 1 at the top.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-rank-chart]').forEach(function (el) {
    if (typeof uPlot === 'undefined') { return; }
    var data = JSON.parse(el.dataset.rankChart);
    if (!data[0].length) { el.textContent = 'No recorded changes yet.'; return; }
    new uPlot({
      width: Math.min(el.clientWidth || 600, 800), height: 220,
      scales: {x: {time: true}, y: {dir: -1}},
      series: [{}, {label: 'rank', stroke: '#0b5cad', width: 2, spanGaps: false}],
      axes: [{}, {label: 'rank'}]
    }, data, el);
  });
});
