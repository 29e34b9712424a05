// CSRF token for htmx requests, and confirmation before destructive actions (no inline scripts: CSP).
document.addEventListener('DOMContentLoaded', function () {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  document.body.addEventListener('htmx:configRequest', function (event) {
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });
  document.body.addEventListener('submit', function (event) {
    var message = event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  }, true);
  document.querySelectorAll('[data-add-agenda]').forEach(function (button) {
    button.addEventListener('click', function () {
      var table = document.getElementById('agenda-rows');
      var rows = table.querySelectorAll('tr');
      var copy = rows[rows.length - 1].cloneNode(true);
      var index = rows.length;
      copy.querySelectorAll('select, input').forEach(function (field) {
        field.name = field.name.replace(/agenda\[\d+\]/, 'agenda[' + index + ']');
        if (field.tagName === 'INPUT' || field.hasAttribute('data-agenda-source')) { field.value = ''; }
      });
      table.appendChild(copy);
      offerSourcesOfKind(copy);
    });
  });
  // an agenda row chooses among the records of its own kind (first-topic items for 第一议题, topics for 课题研讨)
  function offerSourcesOfKind(row) {
    var kind = row.querySelector('select[name$=".kind"]');
    var source = row.querySelector('[data-agenda-source]');
    if (!kind || !source) { return; }
    source.querySelectorAll('optgroup').forEach(function (group) {
      var mine = group.getAttribute('data-kind') === kind.value;
      group.disabled = !mine;
      group.hidden = !mine;
      if (!mine && group.contains(source.selectedOptions[0])) { source.value = ''; }
    });
  }
  var agendaRows = document.getElementById('agenda-rows');
  if (agendaRows) {
    agendaRows.querySelectorAll('tr').forEach(offerSourcesOfKind);
    agendaRows.addEventListener('change', function (event) {
      if (event.target.name && /\.kind$/.test(event.target.name)) {
        offerSourcesOfKind(event.target.closest('tr'));
      }
    });
  }
});
