package it.piattaformacasa.common;

/**
 * A case as an operator recognises it in a list of tasks: which ente, which comune, which avviso, which graduatoria
 * or domanda. Only names and numbers: never the applicant's personal data, which stay in the domain tables (the
 * engine keeps what a task shows in its history for years).
 *
 * @param ente    the ente proprietario's name, null where no ente is concerned (the rules' four eyes)
 * @param comune  the comune the case is about (the graduatoria's, the alloggio's, or the ente's own)
 * @param avviso  the avviso's title, null where the case belongs to no avviso
 * @param pratica what is to be done on, in a few words (a list shows about half a line of it): «Graduatoria n. 12,
 *                provvisoria», «Domanda n. 345, alloggio MA-12»
 * @param nelNome what the task's name adds after ente, comune and avviso, to tell apart tasks of one ente in one
 *                avviso (the domanda); null when those three already do
 * @param pagina  the case's page in the console («/graduatorie/12», «/domande/345»), where the task links to and
 *                where the case page lists its open tasks (issue 12); null where the case has no page
 */
public record PraticaInBreve(String ente, String comune, String avviso, String pratica, String nelNome, String pagina) {

    public PraticaInBreve {
        if (pratica == null || pratica.isBlank()) {
            throw new IllegalArgumentException("Una pratica si descrive almeno con il suo oggetto");
        }
        if (pagina != null && !pagina.matches("/[a-z-]+(/[A-Za-z0-9._-]+)*")) {
            throw new IllegalArgumentException("Pagina della console non valida: " + pagina);
        }
    }

    public PraticaInBreve(String ente, String comune, String avviso, String pratica, String nelNome) {
        this(ente, comune, avviso, pratica, nelNome, null);
    }

    /** The same case with its page in the console. */
    public PraticaInBreve conPagina(String percorso) {
        return new PraticaInBreve(ente, comune, avviso, pratica, nelNome, percorso);
    }

    /** The avviso's title as it reads after a task's name: «Avviso «SAP 2026»», without repeating «Avviso». */
    public String avvisoNelNome() {
        return avvisoNelNome(avviso);
    }

    /** @see #avvisoNelNome() */
    public static String avvisoNelNome(String titolo) {
        if (titolo == null) {
            return null;
        }
        return titolo.regionMatches(true, 0, "avviso ", 0, 7) ? "«" + titolo + "»" : "Avviso «" + titolo + "»";
    }
}
