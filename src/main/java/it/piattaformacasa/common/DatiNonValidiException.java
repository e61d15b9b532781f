package it.piattaformacasa.common;

import java.util.List;

/** Input that breaks a business rule, with the offending fields (HTTP 400 with {@code errori: [{campo, messaggio}]}). */
public class DatiNonValidiException extends RuntimeException {

    public record Errore(String campo, String messaggio) {
    }

    private final List<Errore> errori;

    public DatiNonValidiException(List<Errore> errori) {
        super(errori.stream().map(e -> e.campo() + ": " + e.messaggio()).reduce((a, b) -> a + "; " + b).orElse("dati non validi"));
        this.errori = List.copyOf(errori);
    }

    /** The same errors with a detail of the caller's (a form's refusal, which names its fields by their labels). */
    public DatiNonValidiException(String messaggio, List<Errore> errori) {
        super(messaggio);
        this.errori = List.copyOf(errori);
    }

    public static DatiNonValidiException campo(String campo, String messaggio) {
        return new DatiNonValidiException(List.of(new Errore(campo, messaggio)));
    }

    public List<Errore> errori() {
        return errori;
    }
}
