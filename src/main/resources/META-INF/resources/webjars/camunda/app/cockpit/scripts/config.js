/*
 * Piattaforma Casa: Cockpit in Italian (README «Where to click first»). Replaces the file of the same name in
 * camunda-webapp-webjar, whose options are documented in Camunda's «Cockpit › Configuration».
 */
export default {
  // Italian unless the browser's first language is English; any other language falls back to Italian
  locales: {
    availableLocales: ['it', 'en'],
    fallbackLocale: 'it'
  },
  // the login page would ask for /camunda-welcome (Camunda's distribution page, not part of this application) to
  // decide whether to greet a first visitor: a 404 on every login
  disableWelcomeMessage: true,
  // the page declares the language it is shown in; dates gg/mm/aaaa (lib/piattaforma-italiano.js); icon-only
  // controls get a name a screen reader reads (lib/piattaforma-accessibile.js)
  customScripts: ['../../lib/piattaforma-accesso', '../../lib/piattaforma-italiano', '../../lib/piattaforma-accessibile']
};
