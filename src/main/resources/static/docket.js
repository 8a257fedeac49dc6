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
