package it.piattaformacasa.demo;

/** {@code PIATTAFORMA_DEMO_ESTERNO} on a database that holds data not born a demo's ({@link GuardiaDemoEsterna}). */
public class DemoSuDatabaseConDatiException extends IllegalStateException {

    public DemoSuDatabaseConDatiException(String messaggio) {
        super(messaggio);
    }
}
