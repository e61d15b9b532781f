package it.piattaformacasa.common;

/**
 * A change in the life of a domanda that its richiedente is told about (issue 16, «be told»). The module where it
 * happens publishes it with Spring's {@code ApplicationEventPublisher} inside its own transaction; the citizens' side
 * listens synchronously and writes the e-mail to its outbox in that same transaction, so the notice commits (or rolls
 * back) with the change. Here, in the shared kernel, so that no module depends on the citizens' side.
 *
 * @param id what {@link Evento} names: a domanda, a graduatoria, a rettifica, an istruttoria or an assegnazione
 */
public record CambioDiStato(Evento evento, long id) {

    public enum Evento {
        /** id = domanda */
        DOMANDA_PRESENTATA,
        /** id = graduatoria, just approved and published: every domanda in it */
        GRADUATORIA_PROVVISORIA,
        /** id = graduatoria, just become definitive */
        GRADUATORIA_DEFINITIVA,
        /** id = rettifica, decided (accolta, respinta or accolta per silenzio-assenso) */
        RETTIFICA_DECISA,
        /** id = istruttoria */
        ISTRUTTORIA_AVVIATA,
        /** id = istruttoria, closed with any outcome */
        ISTRUTTORIA_CONCLUSA,
        /** id = assegnazione: the alloggio proposed to the nucleo */
        ALLOGGIO_ASSEGNATO,
        /** id = assegnazione whose contratto was registered */
        CONTRATTO_REGISTRATO
    }
}
