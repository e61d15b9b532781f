// Piattaforma Casa: after Bootstrap Italia's bundle. Its fonts (Titillium Web, Lora, Roboto Mono) from its webjar.
if (window.bootstrap && typeof window.bootstrap.loadFonts === 'function') {
  window.bootstrap.loadFonts('/webjars/bootstrap-italia/2.17.0/dist/fonts');
}

// A choice among many — a region's ~1,500 enti, nearly all named «Comune di …», or its comuni — where a list's
// type-ahead by first letters finds nothing: the list marked data-cerca becomes a field to type into, its suggestions
// filtered as one types (Bootstrap Italia's autocomplete, GOV.UK's accessible-autocomplete). The list stays in the
// page, hidden, and is what the form sends; without JavaScript, with few options, with two of the same name or if the
// field cannot be built, it is the list as before. What is typed never sends another choice than the one shown: a
// name (any case) chooses its option, an empty field «Tutti» where the list has it, and anything else stops the form
// with a message above the field.
(function () {
  var SOGLIA = 20;
  if (!window.bootstrap || typeof window.bootstrap.SelectAutocomplete !== 'function') {
    return;
  }
  var chiave = function (testo) {
    return (testo || '').trim().toLocaleLowerCase('it');
  };
  // the library rewrites aria-describedby as it renders: the ids of the page's own descriptions are put back
  var descrivi = function (campo, ids) {
    var aggiungi = function () {
      var attuali = (campo.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
      var mancanti = ids.filter(function (d) { return document.getElementById(d) && attuali.indexOf(d) < 0; });
      if (mancanti.length) {
        campo.setAttribute('aria-describedby', attuali.concat(mancanti).join(' '));
      }
    };
    aggiungi();
    new MutationObserver(aggiungi).observe(campo, { attributes: true, attributeFilter: ['aria-describedby'] });
  };
  document.querySelectorAll('select[data-cerca]').forEach(function (elenco) {
    if (elenco.options.length <= SOGLIA) {
      return;
    }
    var valori = new Map(); // each option's name, in lower case → its value
    var nomi = [];
    var scelto = '';
    var vuota = null; // the text of the list's empty option («Tutti», «Scegli …»), if it has one
    Array.prototype.forEach.call(elenco.options, function (opzione) {
      if (opzione.value === '') {
        vuota = opzione.text;
        return;
      }
      valori.set(chiave(opzione.text), opzione.value);
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
    var contenitore = document.createElement('div');
    contenitore.className = 'autocomplete-wrapper';
    elenco.parentNode.insertBefore(contenitore, elenco);
    elenco.id = id + '-elenco';
    var campo = null;
    try {
      new window.bootstrap.SelectAutocomplete(contenitore, {
        id: id,
        name: '',
        source: nomi,
        defaultValue: scelto,
        // what the empty field means, and how to search: «Tutti — scrivi una parte del nome»
        placeholder: (vuota !== null ? vuota + ' — ' : '') + 'scrivi una parte del nome'
      });
      campo = document.getElementById(id);
    } catch (e) {
      // below: the list stays
    }
    if (!campo) {
      contenitore.remove();
      elenco.id = id;
      return;
    }
    var obbligatorio = elenco.required;
    elenco.hidden = true;
    elenco.tabIndex = -1;
    elenco.required = false;
    var errore = document.createElement('div');
    errore.id = id + '-cerca-errore';
    errore.className = 'invalid-feedback d-block';
    errore.setAttribute('role', 'alert');
    errore.hidden = true;
    // above the field, as GOV.UK's pattern puts it: the suggestions open below it once the field has the focus again
    contenitore.before(errore);
    var descrizioni = (elenco.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    descrivi(campo, descrizioni.concat([errore.id]));

    // the option the text stands for: '' for «Tutti», null for none
    var valoreDi = function (testo) {
      var k = chiave(testo);
      if (k === '') {
        return vuota !== null && !obbligatorio ? '' : null;
      }
      return valori.has(k) ? valori.get(k) : null;
    };
    // once the text names a choice the message goes; captured, for the library announces a chosen suggestion with an
    // input event that does not bubble
    contenitore.addEventListener('input', function () {
      if (valoreDi(campo.value) !== null) {
        errore.hidden = true;
        campo.removeAttribute('aria-invalid');
      }
    }, true);
    // the list takes the text's choice when the form goes, or the form stops
    if (elenco.form) {
      elenco.form.addEventListener('submit', function (evento) {
        var valore = valoreDi(campo.value);
        if (valore !== null) {
          elenco.value = valore;
          return;
        }
        evento.preventDefault();
        errore.textContent = chiave(campo.value) === ''
          ? 'Scegli una voce: scrivi una parte del nome e scegli tra i suggerimenti.'
          : 'Nessuna voce corrisponde a «' + campo.value.trim() + '»: scrivi una parte del nome e scegli tra i suggerimenti.';
        errore.hidden = false;
        campo.setAttribute('aria-invalid', 'true');
        campo.focus();
      });
    }
  });
})();
