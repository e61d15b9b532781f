// Piattaforma Casa: after Bootstrap Italia's bundle. Its fonts (Titillium Web, Lora, Roboto Mono) from its webjar.
if (window.bootstrap && typeof window.bootstrap.loadFonts === 'function') {
  window.bootstrap.loadFonts('/webjars/bootstrap-italia/2.17.0/dist/fonts');
}

// A choice among many — a region's ~1,500 enti, nearly all named «Comune di …», or its comuni — where a list's
// type-ahead by first letters finds nothing: the list marked data-cerca becomes a field to type into, its suggestions
// filtered as one types (Bootstrap Italia's autocomplete, GOV.UK's accessible-autocomplete). The list stays in the
// page, hidden, and is what the form sends; without JavaScript, or with few options, it is the list as before.
(function () {
  var SOGLIA = 20;
  if (!window.bootstrap || typeof window.bootstrap.SelectAutocomplete !== 'function') {
    return;
  }
  document.querySelectorAll('select[data-cerca]').forEach(function (elenco) {
    if (elenco.options.length <= SOGLIA) {
      return;
    }
    var valori = new Map();
    var nomi = [];
    var scelto = '';
    Array.prototype.forEach.call(elenco.options, function (opzione) {
      if (opzione.value === '') {
        return;
      }
      valori.set(opzione.text, opzione.value);
      nomi.push(opzione.text);
      if (opzione.selected) {
        scelto = opzione.text;
      }
    });
    // two options of the same name could not be told apart by typing: such a list stays a list
    if (valori.size !== nomi.length) {
      return;
    }
    var id = elenco.id;
    var campo = document.createElement('div');
    campo.className = 'autocomplete-wrapper';
    elenco.parentNode.insertBefore(campo, elenco);
    elenco.id = id + '-elenco';
    elenco.hidden = true;
    elenco.setAttribute('aria-hidden', 'true');
    elenco.tabIndex = -1;
    var obbligatorio = elenco.required;
    elenco.required = false;
    var allinea = function (testo) {
      elenco.value = valori.has(testo) ? valori.get(testo) : '';
    };
    new window.bootstrap.SelectAutocomplete(campo, {
      id: id,
      name: '',
      source: nomi,
      defaultValue: scelto,
      required: obbligatorio,
      onConfirm: function (testo) {
        if (testo !== undefined) {
          allinea(testo);
        }
      }
    });
    // what is typed counts too: an exact name chooses its option, an empty field none («Tutti»)
    campo.addEventListener('input', function (evento) {
      allinea(evento.target.value);
    });
    // the list's help text describes the field (the field is created a moment later)
    var descrizione = elenco.getAttribute('aria-describedby');
    if (descrizione) {
      setTimeout(function () {
        var input = document.getElementById(id);
        if (input) {
          input.setAttribute('aria-describedby', (input.getAttribute('aria-describedby') || '') + ' ' + descrizione);
        }
      }, 150);
    }
  });
})();
