window.reportErrors = [];
window.addEventListener('error', function (e) {
  var what = e.message || (e.target && (e.target.id || e.target.tagName)) || 'unknown';
  window.reportErrors.push(String(what));
}, true);
