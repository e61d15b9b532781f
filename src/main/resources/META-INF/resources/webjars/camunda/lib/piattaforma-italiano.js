/*
 * Piattaforma Casa: loaded by every webapp through «customScripts» in its scripts/config.js, before Camunda
 * starts the application.
 *
 * - <html lang> follows the translation in use: Camunda's pages say lang="en" whatever they show, and a screen
 *   reader would read Italian with English pronunciation.
 * - Cockpit and Admin read no «dateFormat» from config.js, unlike Tasklist and Welcome: Cockpit fixes its formats
 *   in code (an ISO «2026-03-01T09:30:00»), Admin writes month names. The same gg/mm/aaaa formats are set here,
 *   after theirs.
 */
const angular = window.angular;
const applicazione = document.querySelector('base').getAttribute('app-name');
const modulo = angular.module('cam.' + applicazione);

modulo.run(['$rootScope', '$translate', function ($rootScope, $translate) {
  function dichiaraLingua() {
    const lingua = $translate.use() || $translate.proposedLanguage();
    if (lingua) {
      document.documentElement.lang = lingua;
    }
  }
  $rootScope.$on('$translateChangeSuccess', dichiaraLingua);
  dichiaraLingua();
}]);

if (applicazione === 'cockpit' || applicazione === 'admin') {
  modulo.config(['camDateFormatProvider', function (formati) {
    formati.setDateFormat('DD/MM/YYYY HH:mm', 'abbr');
    formati.setDateFormat('DD/MM/YYYY HH:mm:ss', 'normal');
    formati.setDateFormat('dddd DD/MM/YYYY HH:mm:ss', 'long');
    formati.setDateFormat('DD/MM/YYYY', 'short');
  }]);
}

/*
 * Tasklist's Camunda Forms (form-js, bundled in lib/deps.js) write their few words in English whatever the language:
 * the button that adds a row to a list, the errors of a field, the empty table, a select's placeholder. form-js has
 * no translations, so while Tasklist speaks Italian these words are replaced in the form as it renders them.
 */
if (applicazione === 'tasklist') {
  const TESTI = [
    [/^Add new$/, 'Aggiungi'],
    [/^Field is required\.$/, 'Campo obbligatorio.'],
    [/^Field must have maximum length of (\d+)\.$/, 'Al massimo $1 caratteri.'],
    [/^Field must have minimum length of (\d+)\.$/, 'Almeno $1 caratteri.'],
    [/^Field must have maximum value of (.+)\.$/, 'Il valore massimo è $1.'],
    [/^Field must have minimum value of (.+)\.$/, 'Il valore minimo è $1.'],
    [/^Field must match pattern (.+)\.$/, 'Il valore non ha la forma richiesta ($1).'],
    [/^Field must be a valid email\.$/, 'Indirizzo email non valido.'],
    [/^Value is expected to be an integer\.$/, 'Inserire un numero intero.'],
    [/^Value is not a number\.?$/, 'Il valore non è un numero.'],
    [/^Date must match pattern .*$/, 'Data non valida (gg/mm/aaaa).'],
    [/^Value is expected to have at most (\d+) decimal digits?\.$/, 'Al massimo $1 cifre decimali.'],
    [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/, 'Valore non ammesso: i più vicini sono $1 e $2.'],
    [/^Nothing to show\.$/, 'Nessun elemento.'],
    [/^Select$/, 'Seleziona'],
    [/^Search$/, 'Cerca'],
    [/^No results$/, 'Nessun risultato'],
    [/^Expand all \((\d+)\)$/, 'Mostra tutte ($1)'],
    [/^Collapse$/, 'Riduci'],
    [/^Remove list item (\d+)$/, 'Rimuovi la riga $1'],
    [/^Previous page$/, 'Pagina precedente'],
    [/^Next page$/, 'Pagina successiva']
  ];
  const ATTRIBUTI = ['placeholder', 'aria-label', 'title'];

  const traduci = function (testo) {
    const pulito = testo.trim();
    for (const [inglese, italiano] of TESTI) {
      if (inglese.test(pulito)) {
        return testo.replace(pulito, pulito.replace(inglese, italiano));
      }
    }
    return null;
  };

  const traduciNodo = function (radice) {
    const camminatore = document.createTreeWalker(radice, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let nodo = radice; nodo; nodo = camminatore.nextNode()) {
      if (nodo.nodeType === Node.TEXT_NODE) {
        const italiano = traduci(nodo.nodeValue);
        if (italiano !== null) {
          nodo.nodeValue = italiano;
        }
      } else if (nodo.nodeType === Node.ELEMENT_NODE) {
        for (const attributo of ATTRIBUTI) {
          const valore = nodo.getAttribute(attributo);
          const italiano = valore && traduci(valore);
          if (italiano) {
            nodo.setAttribute(attributo, italiano);
          }
        }
      }
    }
  };

  modulo.run(['$translate', function ($translate) {
    // a form is small: each change re-reads the whole form (what this pass changes finds nothing more to do)
    new MutationObserver(function () {
      if (($translate.use() || $translate.proposedLanguage()) !== 'it') {
        return; // an English-speaking browser keeps form-js's own words
      }
      document.querySelectorAll('.fjs-container').forEach(traduciNodo);
    }).observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true,
      attributeFilter: ATTRIBUTI});
  }]);
}
