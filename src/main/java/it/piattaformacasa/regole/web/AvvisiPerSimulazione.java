package it.piattaformacasa.regole.web;

import java.util.List;

/**
 * The avvisi a version of the rules can be simulated on (those with domande, ranked in graduatorie per ente and comune), for the «Simula su un avviso» form
 * of the version's page. Implemented by the graduatoria module, which owns avvisi's graduatorie and the what-if: the
 * rules module must not depend on it (no cycle between modules).
 */
public interface AvvisiPerSimulazione {

    record Avviso(long id, String titolo, int domande, int graduatorie) {
    }

    List<Avviso> avvisiConGraduatorie();
}
