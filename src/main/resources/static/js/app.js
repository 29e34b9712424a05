// CSRF token for htmx requests, and confirmation before destructive actions (no inline scripts: CSP).
document.addEventListener('DOMContentLoaded', function () {
  validationInThePagesLanguage();
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
  // below 768 px a list table scrolls inside its own box instead of widening the page (app.css keeps its cells
  // readable): every table of the page gets Bootstrap's wrapper, those htmx swaps in as well
  function boxTables() {
    document.querySelectorAll('main table.table').forEach(function (table) {
      var parent = table.parentElement;
      if (parent.classList.contains('table-responsive') || parent.classList.contains('table-responsive-md')) { return; }
      var box = document.createElement('div');
      box.className = 'table-responsive-md';
      parent.insertBefore(box, table);
      box.appendChild(table);
    });
  }
  boxTables();
  document.body.addEventListener('htmx:afterSettle', boxTables);
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
      // a new row offers every record again, whatever the copied row's search left out
      copy.querySelectorAll('option').forEach(function (option) { option.hidden = false; });
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
  // a part shown only while a field has a value (the reason and approver of a 请假 on the attendance sheet)
  function showByValue() {
    document.querySelectorAll('[data-shown-by]').forEach(function (part) {
      var field = document.querySelector('[name="' + part.getAttribute('data-shown-by') + '"]');
      part.hidden = !field || field.value !== part.getAttribute('data-shown-value');
    });
  }
  showByValue();
  document.body.addEventListener('change', showByValue);
  // the search box above a row's choices narrows them to those whose title contains what is typed, and picks the
  // first match, so typing a few characters and leaving the box is enough
  function searchSources(box) {
    var source = box.closest('tr').querySelector('[data-agenda-source]');
    var words = box.value.trim().toLowerCase();
    var first = null;
    source.querySelectorAll('option').forEach(function (option) {
      if (!option.value) { return; }
      var match = !words || option.textContent.toLowerCase().indexOf(words) >= 0;
      option.hidden = !match;
      if (match && !first && !option.parentNode.disabled) { first = option; }
    });
    var current = source.selectedOptions[0];
    // the option itself, not its value: a first-topic item and a research topic may share an id
    if (words && first && (!current || !current.value || current.hidden)) { first.selected = true; }
  }
  var agendaRows = document.getElementById('agenda-rows');
  if (agendaRows) {
    agendaRows.querySelectorAll('tr').forEach(offerSourcesOfKind);
    agendaRows.addEventListener('change', function (event) {
      if (event.target.name && /\.kind$/.test(event.target.name)) {
        offerSourcesOfKind(event.target.closest('tr'));
      }
    });
    agendaRows.addEventListener('input', function (event) {
      if (event.target.hasAttribute('data-agenda-search')) { searchSources(event.target); }
    });
  }
  // a refused post came back to this page (config.PageError): the message above the form it came from, and that
  // form filled again with what was typed (file fields cannot be refilled; the server sends neither _csrf nor
  // version back, so the form keeps its current ones)
  var pageError = document.getElementById('page-error');
  if (pageError) {
    var action = pageError.getAttribute('data-action');
    var form = Array.prototype.find.call(document.forms, function (f) {
      return new URL(f.action, window.location.href).pathname === action;
    });
    if (form) {
      var typed = {};
      document.querySelectorAll('#page-input span').forEach(function (span) {
        var name = span.getAttribute('data-name');
        (typed[name] = typed[name] || []).push(span.textContent);
      });
      Object.keys(typed).forEach(function (name) {
        var values = typed[name];
        var fields = Array.prototype.filter.call(form.elements, function (el) { return el.name === name; });
        fields.forEach(function (field, i) {
          if (field.type === 'file') { return; }
          if (field.type === 'checkbox' || field.type === 'radio') {
            field.checked = values.indexOf(field.value) >= 0;
          } else if (field.tagName === 'SELECT' && field.multiple) {
            Array.prototype.forEach.call(field.options, function (o) { o.selected = values.indexOf(o.value) >= 0; });
          } else if (i < values.length) {
            field.value = values[i];
          }
        });
      });
      form.parentNode.insertBefore(pageError, form);
      pageError.scrollIntoView({block: 'center'});
    }
  }
});

// The browser's validation bubbles speak the browser's language; these speak the page's, from the texts the server
// renders into <meta name="validation-messages"> (messages.properties, validation.*). One handler for every field.
function validationInThePagesLanguage() {
  var texts = document.querySelector('meta[name="validation-messages"]');
  if (!texts) { return; }
  function say(key, first, second) {
    return (texts.getAttribute('data-' + key) || texts.getAttribute('data-invalid'))
      .replace('{0}', first).replace('{1}', second);
  }
  function message(field) {
    var v = field.validity;
    var type = (field.type || '').toLowerCase();
    var dated = type === 'date' || type === 'datetime-local' || type === 'month' || type === 'time';
    if (v.valueMissing) {
      if (field.tagName === 'SELECT') { return say('select'); }
      if (type === 'checkbox' || type === 'radio') { return say('check'); }
      return say(type === 'file' ? 'file' : 'required');
    }
    if (v.badInput) { return say(type === 'number' ? 'number' : dated ? 'date' : 'invalid'); }
    if (v.typeMismatch) { return say(type === 'email' ? 'email' : type === 'url' ? 'url' : 'invalid'); }
    if (v.tooLong) { return say('maxlength', field.maxLength, field.value.length); }
    if (v.tooShort) { return say('minlength', field.minLength, field.value.length); }
    if (v.rangeUnderflow) { return say(dated ? 'min-date' : 'min', field.min); }
    if (v.rangeOverflow) { return say(dated ? 'max-date' : 'max', field.max); }
    if (v.stepMismatch) { return say('step', field.step); }
    if (v.patternMismatch) { return field.title || say('pattern'); }
    return say('invalid');
  }
  // 'invalid' does not bubble: listened for while it goes down to the field
  document.addEventListener('invalid', function (event) {
    var field = event.target;
    field.setCustomValidity('');
    if (!field.validity.valid) { field.setCustomValidity(message(field)); }
  }, true);
  ['input', 'change'].forEach(function (kind) {
    document.addEventListener(kind, function (event) {
      if (event.target.setCustomValidity) { event.target.setCustomValidity(''); }
    }, true);
  });
}
