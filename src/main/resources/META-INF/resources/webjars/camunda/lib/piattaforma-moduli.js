/*
 * Piattaforma Casa: loaded by Tasklist through «customScripts» in app/tasklist/scripts/config.js.
 *
 * - A completion the platform refuses (README «Errors») answers 4xx with the refused fields in «errori»
 *   ([{campo: the form field's key, messaggio: «Data di firma: obbligatoria»}]). Tasklist shows only a toast and keeps
 *   the form as the operator filled it; here each reason is also written beside its field, as form-js writes its own
 *   (.fjs-form-field-error), announced (role=alert), tied to the input (aria-describedby, aria-invalid), and the first
 *   refused field gets the focus. The reason goes away when that field changes or the completion succeeds.
 * - form-js's date fields: an Italian calendar, typed and shown gg/mm/aaaa (its other English words are translated by
 *   lib/piattaforma-italiano.js).
 * - «Completa» after editing a row of a dynamic list: Tasklist 7.24 enables it when form-js's «changed» event has
 *   Object.keys(errors).length === 0, but form-js (commands updating a field inside a list row) writes a row's error
 *   at errors[fieldId][row] and, when the row is valid, leaves errors[fieldId] as an empty array: a key without any
 *   error, which kept «Completa» disabled for good. Tasklist's listener is handed the errors without those empty
 *   entries; form-js's own state and its validation on submit are untouched.
 * - «Completa» and «Salva» pressed right after typing: form-js takes a typed text 300 ms after the last key (it flushes
 *   on blur), and a date field keeps its calendar open below it while it has the focus. Pressing the button, the field
 *   is left first (what was typed reaches form-js before Tasklist reads the form), and if leaving it closed a calendar
 *   the form got shorter and the button may have moved away from under the pointer between press and release: the
 *   browser then clicks nothing, and the operator's «Completa» was lost without a word. The press is honoured.
 */
(function () {
  const COMPLETAMENTO = /\/task\/([^/?#]+)\/(submit-form|complete)(?:[?#].*)?$/;
  const CLASSE = 'piattaforma-errore-del-server';

  // ---- the server's refusal, beside each field

  const apri = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (metodo, indirizzo) {
    const completamento = String(metodo).toUpperCase() === 'POST' && COMPLETAMENTO.test(String(indirizzo));
    if (completamento) {
      const richiesta = this;
      this.addEventListener('loadend', function () {
        esito(String(indirizzo), richiesta.status, richiesta.responseText);
      });
    }
    return apri.apply(this, arguments);
  };

  function esito(indirizzo, stato, corpo) {
    togliErrori();
    if (stato < 400 || stato >= 500) {
      return;
    }
    let errori;
    try {
      errori = JSON.parse(corpo).errori;
    } catch (e) {
      return;
    }
    if (!Array.isArray(errori) || errori.length === 0) {
      return;
    }
    // the form's own definition says which component has which key (form-js names its elements by component id)
    fetch(indirizzo.replace(COMPLETAMENTO, '/task/$1/deployed-form'), {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then(function (risposta) { return risposta.ok ? risposta.json() : {components: []}; })
      .then(function (modulo) { mostra(errori, componentiPerChiave(modulo)); })
      .catch(function () { mostra(errori, {}); });
  }

  function componentiPerChiave(nodo, mappa) {
    mappa = mappa || {};
    (nodo.components || []).forEach(function (componente) {
      if (componente.key) {
        mappa[componente.key] = componente.id;
      }
      componentiPerChiave(componente, mappa);
    });
    return mappa;
  }

  function campoDelModulo(idComponente) {
    if (!idComponente) {
      return null;
    }
    // form-js gives its inputs the id fjs-form-<form>-<component>; radios and checklists add -<n>, dates -date, times -time
    const fine = new RegExp('-' + idComponente.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '(-\\d+|-date|-time)?$');
    const campi = document.querySelectorAll('.fjs-container .fjs-form-field');
    for (let i = 0; i < campi.length; i++) {
      const elementi = campi[i].querySelectorAll('[id]');
      for (let j = 0; j < elementi.length; j++) {
        if (fine.test(elementi[j].id)) {
          return campi[i];
        }
      }
    }
    return null;
  }

  function mostra(errori, perChiave) {
    let primo = null;
    errori.forEach(function (errore, indice) {
      const campo = campoDelModulo(perChiave[errore.campo]);
      if (!campo) {
        return; // a field the form does not show: the toast says it
      }
      const id = 'piattaforma-errore-' + indice;
      const messaggio = document.createElement('div');
      messaggio.className = 'fjs-form-field-error ' + CLASSE;
      messaggio.id = id;
      messaggio.setAttribute('role', 'alert');
      messaggio.textContent = errore.messaggio;
      campo.appendChild(messaggio);
      campo.classList.add('fjs-has-errors');
      campo.querySelectorAll('input, textarea, select').forEach(function (input) {
        input.setAttribute('aria-invalid', 'true');
        const descritto = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
        descritto.push(id);
        input.setAttribute('aria-describedby', descritto.join(' '));
        input.addEventListener('input', function () { togli(campo); }, {once: true});
        input.addEventListener('change', function () { togli(campo); }, {once: true});
      });
      primo = primo || campo;
    });
    const daCorreggere = primo && primo.querySelector('input, textarea, select');
    if (daCorreggere) {
      daCorreggere.focus();
    }
  }

  function togli(campo) {
    const messaggi = campo.querySelectorAll('.' + CLASSE);
    if (messaggi.length === 0) {
      return;
    }
    messaggi.forEach(function (messaggio) {
      campo.querySelectorAll('[aria-describedby]').forEach(function (input) {
        const resto = input.getAttribute('aria-describedby').split(' ').filter(function (x) { return x && x !== messaggio.id; });
        resto.length ? input.setAttribute('aria-describedby', resto.join(' ')) : input.removeAttribute('aria-describedby');
      });
      messaggio.remove();
    });
    campo.querySelectorAll('[aria-invalid]').forEach(function (input) { input.removeAttribute('aria-invalid'); });
    if (!campo.querySelector('.fjs-form-field-error')) {
      campo.classList.remove('fjs-has-errors');
    }
  }

  function togliErrori() {
    document.querySelectorAll('.' + CLASSE).forEach(function (messaggio) {
      const campo = messaggio.closest('.fjs-form-field');
      campo ? togli(campo) : messaggio.remove();
    });
  }

  // ---- form-js's calendar in Italian (its words: lib/piattaforma-italiano.js)

  const CALENDARIO = {
    firstDayOfWeek: 1,
    weekdays: {
      shorthand: ['Dom', 'Lun', 'Mar', 'Mer', 'Gio', 'Ven', 'Sab'],
      longhand: ['Domenica', 'Lunedì', 'Martedì', 'Mercoledì', 'Giovedì', 'Venerdì', 'Sabato']
    },
    months: {
      shorthand: ['Gen', 'Feb', 'Mar', 'Apr', 'Mag', 'Giu', 'Lug', 'Ago', 'Set', 'Ott', 'Nov', 'Dic'],
      longhand: ['Gennaio', 'Febbraio', 'Marzo', 'Aprile', 'Maggio', 'Giugno', 'Luglio', 'Agosto', 'Settembre', 'Ottobre',
        'Novembre', 'Dicembre']
    },
    rangeSeparator: ' al ',
    weekAbbreviation: 'Sett.',
    scrollTitle: 'Scorri per aumentare',
    toggleTitle: 'Clicca per cambiare',
    time_24hr: true,
    ordinal: function () { return '°'; }
  };

  function traduci(radice) {
    if (document.documentElement.lang === 'en') {
      return; // an operator who chose English keeps form-js's own words
    }
    // the date fields' calendar (flatpickr, which form-js creates in English) in Italian, weeks from Monday
    radice.querySelectorAll('.fjs-container input').forEach(function (input) {
      const calendario = input._flatpickr;
      if (calendario && !calendario.piattaformaItaliano) {
        calendario.piattaformaItaliano = true;
        calendario.set('locale', CALENDARIO);
        // typed and shown gg/mm/aaaa whatever the browser's locale (form-js takes the US order from an English one);
        // form-js reads the date the calendar parsed, so the value sent stays aaaa-mm-gg
        calendario.set('dateFormat', 'd/m/Y');
        calendario.set('ariaDateFormat', 'j F Y');
        input.setAttribute('placeholder', 'gg/mm/aaaa');
      }
    });
  }

  // ---- «Completa» and the rows of a dynamic list

  /** true when the value form-js keeps for a field (messages, or per row of a list: nested arrays/objects) holds one. */
  function haErrori(valore) {
    if (valore == null) {
      return false;
    }
    if (typeof valore === 'string') {
      return true;
    }
    if (Array.isArray(valore) && valore.every(function (v) { return typeof v === 'string'; })) {
      return valore.length > 0;
    }
    return Object.keys(valore).some(function (k) { return haErrori(valore[k]); });
  }

  /** form-js's Form behind a .fjs-container (not global): the service its Preact tree provides to the fields. */
  function moduloDi(contenitore) {
    function cerca(vnode, profondita) {
      if (!vnode || profondita > 80) {
        return null;
      }
      const valore = vnode.props && vnode.props.value;
      if (valore && typeof valore.getService === 'function') {
        return valore.getService('form');
      }
      let figli = vnode.__k;
      if (!figli) {
        return null;
      }
      figli = Array.isArray(figli) ? figli : [figli];
      for (let i = 0; i < figli.length; i++) {
        const trovato = cerca(figli[i], profondita + 1);
        if (trovato) {
          return trovato;
        }
      }
      return null;
    }
    try {
      return cerca(contenitore.__k, 0);
    } catch (e) {
      return null;
    }
  }

  function correggiErrori(radice) {
    radice.querySelectorAll('.fjs-container').forEach(function (contenitore) {
      const modulo = moduloDi(contenitore);
      if (!modulo || modulo.piattaformaErrori || typeof modulo.on !== 'function') {
        return;
      }
      modulo.piattaformaErrori = true;
      // before Tasklist's own listener (default priority 1000), on the event object they share
      modulo.on('changed', 1500, function (evento) {
        const errori = evento.errors || {};
        const veri = {};
        Object.keys(errori).forEach(function (id) {
          if (haErrori(errori[id])) {
            veri[id] = errori[id];
          }
        });
        evento.errors = veri;
      });
    });
  }

  // ---- «Completa» / «Salva» right after typing

  const PULSANTI = '.form-actions button';
  let premuto = null;

  function lasciaIlCampo(evento) {
    const pulsante = evento.target.closest && evento.target.closest(PULSANTI);
    if (!pulsante || pulsante.disabled) {
      return;
    }
    if (evento.type === 'keydown' && evento.key !== 'Enter' && evento.key !== ' ') {
      return;
    }
    const attivo = document.activeElement;
    if (attivo && attivo !== pulsante && attivo.closest && attivo.closest('.fjs-container')) {
      // form-js's fields flush their pending input on blur (Textfield: onBlur → flush), the date fields close their
      // calendar and read what was typed
      attivo.blur();
    }
    if (evento.type === 'pointerdown') {
      premuto = {pulsante: pulsante, top: pulsante.getBoundingClientRect().top, quando: Date.now()};
    }
  }

  function clicPerso(evento) {
    const pressione = premuto;
    premuto = null;
    if (!pressione || pressione.pulsante.contains(evento.target) || Date.now() - pressione.quando > 2000) {
      return;
    }
    // released elsewhere only because the button moved (a calendar closed above it): the click the person meant
    if (document.contains(pressione.pulsante) && !pressione.pulsante.disabled
        && pressione.pulsante.getBoundingClientRect().top !== pressione.top) {
      pressione.pulsante.click();
    }
  }

  // capture: before form-js's and Tasklist's own handlers
  document.addEventListener('pointerdown', lasciaIlCampo, true);
  document.addEventListener('keydown', lasciaIlCampo, true);
  document.addEventListener('click', clicPerso, true);

  function osserva() {
    // Tasklist changes its page often: one pass per frame is enough
    let inAttesa = false;
    new MutationObserver(function () {
      if (!inAttesa) {
        inAttesa = true;
        window.requestAnimationFrame(function () { inAttesa = false; traduci(document); correggiErrori(document); });
      }
    }).observe(document.body, {childList: true, subtree: true, characterData: true});
    traduci(document);
    correggiErrori(document);
  }

  if (document.body) {
    osserva();
  } else {
    document.addEventListener('DOMContentLoaded', osserva);
  }
})();
