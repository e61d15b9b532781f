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
