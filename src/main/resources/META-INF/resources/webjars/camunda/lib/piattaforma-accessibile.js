/*
 * Piattaforma Casa: loaded by every webapp through «customScripts» in its scripts/config.js (after
 * piattaforma-italiano.js). Italian public administrations must meet WCAG 2.1 AA; Camunda's markup misses some of it
 * and cannot be changed from here, so this script mends it in the page (checked by axe-core in PercorsoNelBrowserTest;
 * what cannot be mended is listed in README «Tests»):
 *
 * - buttons and links that show only an icon get a name a screen reader can read (WCAG 4.1.2): the tooltip Camunda
 *   already shows (translated), or the name below for those without one; an <a> without href that acts as a
 *   button says so, since only then may it carry a name;
 * - the search box of the task and instance lists is announced as the combobox it is (its suggestions open below it),
 *   which is what makes its aria-expanded valid.
 *
 * Contrast and links inside text are mended in each webapp's styles/user-styles.css.
 */
const NOMI = {
  it: [
    ['.region-toggle[data-region="filters"]', 'Mostra o nascondi i filtri'],
    ['.region-toggle[data-region="list"]', "Mostra o nascondi l'elenco delle attività"],
    ['.region-toggle[data-region="task"]', "Mostra o nascondi l'attività"],
    ['.maximize[data-region="task"]', "Ingrandisci l'attività"],
    ['.new-sort > .dropdown-toggle', 'Aggiungi un criterio di ordinamento'],
    ['button.dropdown-toggle .glyphicon-floppy-disk', 'Salva o carica una ricerca', true],
    ['.shutter > a', 'Mostra o nascondi gli altri dati', false],
    ['.app-switch > .dropdown-toggle', 'Passa a un’altra applicazione'],
    ['.instance-link', "Apri l'istanza di processo in Cockpit"]
  ],
  en: [
    ['.region-toggle[data-region="filters"]', 'Show or hide the filters'],
    ['.region-toggle[data-region="list"]', 'Show or hide the task list'],
    ['.region-toggle[data-region="task"]', 'Show or hide the task'],
    ['.maximize[data-region="task"]', 'Maximize the task'],
    ['.new-sort > .dropdown-toggle', 'Add a sorting criterion'],
    ['button.dropdown-toggle .glyphicon-floppy-disk', 'Save or load a search', true],
    ['.shutter > a', 'Show or hide the other data', false],
    ['.app-switch > .dropdown-toggle', 'Switch to another application'],
    ['.instance-link', 'Open the process instance in Cockpit']
  ]
};

// innerText: what is shown (a label hidden on narrow screens, e.g. «Aggiungi ordinamento», names nothing)
function senzaNome(elemento) {
  return !elemento.innerText.trim() && !elemento.getAttribute('aria-label') && !elemento.getAttribute('aria-labelledby');
}

function dalSuggerimento(elemento) {
  const suggerimento = elemento.getAttribute('uib-tooltip') || elemento.getAttribute('title');
  if (suggerimento && suggerimento.indexOf('{{') < 0) {
    elemento.setAttribute('aria-label', suggerimento);
    // an <a> without href (e.g. «copia il collegamento») is an action, and only a button may carry a name
    if (elemento.tagName === 'A' && !elemento.hasAttribute('href')) {
      elemento.setAttribute('role', 'button');
    }
  }
}

function ripara() {
  const lingua = document.documentElement.lang === 'en' ? 'en' : 'it';
  NOMI[lingua].forEach(function (voce) {
    document.querySelectorAll(voce[0]).forEach(function (trovato) {
      // a selector naming the icon inside stands for the button around it
      const elemento = voce[2] ? trovato.closest('button, a') : trovato;
      if (elemento && senzaNome(elemento)) {
        elemento.setAttribute('aria-label', voce[1]);
      }
    });
  });
  // the tooltip follows the state (e.g. «Crescente» / «Decrescente»): the name follows the tooltip
  document.querySelectorAll('a[uib-tooltip], button[uib-tooltip]').forEach(function (elemento) {
    if (!elemento.innerText.trim()) {
      dalSuggerimento(elemento);
    }
  });
  document.querySelectorAll('input[uib-typeahead]:not([role])').forEach(function (casella) {
    casella.setAttribute('role', 'combobox');
  });
}

let inAttesa = false;
new MutationObserver(function () {
  if (!inAttesa) {
    inAttesa = true;
    window.requestAnimationFrame(function () {
      inAttesa = false;
      ripara();
    });
  }
}).observe(document.documentElement, {
  childList: true, subtree: true, attributes: true, attributeFilter: ['uib-tooltip', 'class', 'lang']
});
ripara();
