package it.piattaformacasa.avviso.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The graduatorie of an avviso the caller may see, for the avviso's page. The graduatoria module answers (it depends on
 * avviso, not the other way round), with the visibility of {@code GET /api/avvisi/{id}/graduatorie}.
 */
public interface GraduatorieDellAvviso {

    /**
     * @param stato        Italian, as a badge shows it: «Provvisoria, da approvare», «Definitiva»…
     * @param approvataIl  when the provisional one was approved; null until then
     * @param pubblicataIl the day the provisional one was published; null until then
     * @param definitivaIl when it became definitive; null until then
     */
    record GraduatoriaInBreve(long id, String ente, String comune, String stato, Instant generataIl, Instant approvataIl,
                              LocalDate pubblicataIl, Instant definitivaIl) {
    }

    List<GraduatoriaInBreve> di(long avvisoId);
}
