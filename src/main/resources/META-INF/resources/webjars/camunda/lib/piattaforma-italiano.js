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
 * Camunda Forms in Tasklist: form-js writes a few fixed English texts of its own (not in Tasklist's translation files):
 * a choice's placeholder «Select», the errors next to a field («Field is required.»). They are replaced where they
 * appear, in Italian unless Tasklist speaks English.
 */
if (applicazione === 'tasklist') {
  const testi = [
    [/^Select$/, 'Seleziona'],
    [/^Search$/, 'Cerca'],
    [/^Field is required\.$/, 'Campo obbligatorio.'],
    [/^Field must have minimum value of (.*)\.$/, 'Il valore minimo è $1.'],
    [/^Field must have maximum value of (.*)\.$/, 'Il valore massimo è $1.'],
    [/^Field must have minimum length of (.*)\.$/, 'Servono almeno $1 caratteri.'],
    [/^Field must have maximum length of (.*)\.$/, 'Al più $1 caratteri.'],
    [/^Nothing to show\.$/, 'Nessun dato.']
  ];
  const traduci = function (radice) {
    const percorso = document.createTreeWalker(radice, NodeFilter.SHOW_TEXT);
    for (let nodo = percorso.nextNode(); nodo; nodo = percorso.nextNode()) {
      const testo = nodo.nodeValue.trim();
      for (const [inglese, italiano] of testi) {
        if (inglese.test(testo)) {
          nodo.nodeValue = testo.replace(inglese, italiano);
          break;
        }
      }
    }
  };
  // only what changes inside a form: the rest of Tasklist is translated by its own files
  new MutationObserver(function (cambi) {
    // one query per batch of changes: pages without a form (login, lists) cost next to nothing
    if (document.documentElement.lang === 'en' || !document.querySelector('.fjs-container')) {
      return;
    }
    cambi.forEach(function (cambio) {
      const elemento = cambio.target.nodeType === Node.ELEMENT_NODE ? cambio.target : cambio.target.parentElement;
      if (!elemento) {
        return;
      }
      if (elemento.closest('.fjs-container')) {
        traduci(elemento);
      } else if (cambio.type === 'childList') {
        elemento.querySelectorAll('.fjs-container').forEach(traduci);
      }
    });
  }).observe(document.body || document.documentElement, { childList: true, subtree: true, characterData: true });
}
