/*
 * Piattaforma Casa: Tasklist in Italian (README «Where to click first»). Replaces the file of the same name in
 * camunda-webapp-webjar, whose options are documented in Camunda's «Tasklist › Configuration».
 */
export default {
  // Italian unless the browser's first language is English; any other language falls back to Italian
  locales: {
    availableLocales: ['it', 'en'],
    fallbackLocale: 'it'
  },
  // dates as Italian offices write them (gg/mm/aaaa), times in the browser's time zone (the footer names it)
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD/MM/YYYY HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd DD/MM/YYYY HH:mm',
    short: 'DD/MM/YYYY'
  },
  // the login page would ask for /camunda-welcome (Camunda's distribution page, not part of this application) to
  // decide whether to greet a first visitor: a 404 on every login
  disableWelcomeMessage: true,
  // the page declares the language it is shown in and form-js speaks Italian (lib/piattaforma-italiano.js); a refused
  // completion shows its reasons beside the fields, dates are gg/mm/aaaa (lib/piattaforma-moduli.js); icon-only
  // controls get a name a screen reader reads (lib/piattaforma-accessibile.js)
  customScripts: ['../../lib/piattaforma-accesso', '../../lib/piattaforma-italiano', '../../lib/piattaforma-moduli', '../../lib/piattaforma-accessibile'],

  // the shortcuts of Camunda's own file, described in Italian
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: "prende in carico l'attività selezionata"
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'porta il cursore sul primo filtro'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: "porta il cursore sulla prima attività dell'elenco"
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: "porta il cursore sul primo campo del modulo dell'attività"
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: "apre la finestra per avviare un processo"
    }
  }
};
