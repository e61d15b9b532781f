/*
 * Piattaforma Casa: loaded by every webapp through «customScripts» in its scripts/config.js. The webapps share the
 * platform's login (issue 14, README «Login and identity»): nobody types a password into them. When a webapp would
 * show its own login form — after its «Esci», or when the session has ended — the browser goes to the platform's page
 * instead: «Esci» asks to confirm the logout, which ends the session of the console, of the webapps and of the
 * identity provider together.
 */
const PAGINA_USCITA = window.location.pathname.replace(/\/camunda\/app\/.*$/, '') + '/esci';

function versoLaPiattaforma() {
  if (/^#!?\/login/.test(window.location.hash)) {
    window.location.replace(PAGINA_USCITA);
  }
}

versoLaPiattaforma();
window.addEventListener('hashchange', versoLaPiattaforma);

