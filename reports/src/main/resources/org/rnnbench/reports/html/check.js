window.addEventListener('load', function () {
  var problems = [];
  (window.reportErrors || []).forEach(function (e) { problems.push('error: ' + e); });
  var expected = (document.body.getAttribute('data-expected-tables') || '').split(' ').filter(Boolean);
  expected.forEach(function (id) {
    var t = document.getElementById(id);
    if (!t || t.tagName !== 'TABLE' || t.rows.length < 2) { problems.push('table missing or empty: ' + id); }
  });
  var images = document.images;
  var want = parseInt(document.body.getAttribute('data-expected-images') || '0', 10);
  if (images.length !== want) { problems.push('found ' + images.length + ' images, expected ' + want); }
  for (var i = 0; i < images.length; i++) {
    if (!images[i].complete || images[i].naturalWidth === 0) { problems.push('image not loaded: ' + images[i].id); }
  }
  var out = document.getElementById('report-check');
  out.setAttribute('data-status', problems.length ? 'fail' : 'ok');
  out.textContent = problems.length ? 'REPORT-CHECK-FAIL ' + problems.join('; ')
    : 'REPORT-CHECK-OK tables=' + expected.length + ' images=' + images.length;
});
