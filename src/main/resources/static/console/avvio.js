// Piattaforma Casa: after Bootstrap Italia's bundle. Its fonts (Titillium Web, Lora, Roboto Mono) from its webjar.
if (window.bootstrap && typeof window.bootstrap.loadFonts === 'function') {
  window.bootstrap.loadFonts('/webjars/bootstrap-italia/2.17.0/dist/fonts');
}
