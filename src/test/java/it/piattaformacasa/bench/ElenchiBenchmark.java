package it.piattaformacasa.bench;

import static it.piattaformacasa.DemoUtenti.SUPERVISORE;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.domanda.AlloggiScelti;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/**
 * The lists and downloads that show each domanda's chosen alloggi with their comune and art. 9 title, on an avviso of
 * N domande (default 100k, 10 enti, 20 comuni): the choices of every domanda as {@link AlloggiScelti} reads them,
 * against the two ways of aggregating them in the database it replaced (json_agg grouped, and a subquery per row);
 * then the lists and downloads through the API, as an operator asks for them. The «domande in avviso» report is not
 * timed: it explains every score from the domanda entities, which the generator's placeholder codici fiscali cannot
 * load; its choices are the first line. Run with {@code ./mvnw -Pbench verify -Dtest=ElenchiBenchmark}
 * ({@code -Dbench.domande=…}). It measures; it asserts nothing about time.
 */
@IntegrationTest
class ElenchiBenchmark {

    /** The same choices as one JSON array per domanda, grouped by the database. */
    private static final String JSON_RAGGRUPPATO = """
            select d.id, s.scelte from domanda d left join (
              select sda.domanda_id, json_agg(json_build_object('preferenza', sda.preferenza + 1, 'alloggioId', sda.alloggio_id,
                             'codiceUi', sal.codice_ui, 'comune', sco.nome, 'codiceIstatComune', sco.codice_istat,
                             'titolo', sda.titolo) order by sda.preferenza) as scelte
               from domanda_alloggio sda join alloggio sal on sal.id = sda.alloggio_id join comune sco on sco.id = sal.comune_id
              where sda.domanda_id in (select id from domanda where avviso_id = ?)
              group by sda.domanda_id) s on s.domanda_id = d.id
             where d.avviso_id = ?""";
    /** The same JSON from a subquery run for each domanda. */
    private static final String JSON_PER_RIGA = """
            select d.id, (select json_agg(json_build_object('preferenza', sda.preferenza + 1, 'alloggioId', sda.alloggio_id,
                             'codiceUi', sal.codice_ui, 'comune', sco.nome, 'codiceIstatComune', sco.codice_istat,
                             'titolo', sda.titolo) order by sda.preferenza)
                            from domanda_alloggio sda join alloggio sal on sal.id = sda.alloggio_id
                            join comune sco on sco.id = sal.comune_id where sda.domanda_id = d.id) as scelte
              from domanda d where d.avviso_id = ?""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    GraduatoriaService graduatorie;
    @Autowired
    AlloggiScelti alloggiScelti;

    @Test
    void elenchiEDownloadConGliAlloggiScelti() throws Exception {
        int domande = Integer.getInteger("bench.domande", 100_000);
        long avviso = new GeneratoreAvvisoSintetico(jdbc).avvisoChiuso(domande);
        // titles and sentences as submissions store them today, so that every row has its real size
        jdbc.update("""
                update domanda_alloggio set titolo = case when preferenza = 0 then 'RESIDENZA' else 'LAVORO' end,
                                            motivo = 'alloggio sintetico: comune di residenza del richiedente, ammesso'
                 where domanda_id in (select id from domanda where avviso_id = ?)""", avviso);
        jdbc.execute("analyze domanda_alloggio; analyze alloggio; analyze comune");
        graduatorie.generaProvvisorie(avviso).orElseThrow();
        long maggiore = jdbc.queryForObject("""
                select g.id from graduatoria g join graduatoria_riga r on r.graduatoria_id = g.id where g.avviso_id = ?
                 group by g.id order by count(*) desc limit 1""", Long.class, avviso);
        int righeMaggiore = jdbc.queryForObject("select count(*) from graduatoria_riga where graduatoria_id = ?", Integer.class,
                maggiore);
        List<Long> ids = jdbc.queryForList("select id from domanda where avviso_id = ?", Long.class, avviso);

        StringBuilder risultato = new StringBuilder(String.format(Locale.ROOT, """
                Elenchi ed esportazioni con gli alloggi scelti (comune e titolo art. 9) — avviso sintetico
                  domande: %d, scelte: %d; graduatoria più grande: %d righe; migliore di 3 dopo un giro di riscaldamento
                """, domande, jdbc.queryForObject("select count(*) from domanda_alloggio where domanda_id in "
                + "(select id from domanda where avviso_id = ?)", Integer.class, avviso), righeMaggiore));
        risultato.append(riga("scelte di tutte le domande, AlloggiScelti.di(i loro id): righe semplici, raggruppate e "
                + "ordinate in Java", migliore(() -> alloggiScelti.di(ids).size())));
        risultato.append(riga("… json_agg raggruppato nel database (testo JSON, senza leggerlo)",
                migliore(() -> jdbc.query(JSON_RAGGRUPPATO, (rs, n) -> rs.getString(2), avviso, avviso).size())));
        risultato.append(riga("… json_agg in una sottoquery per riga (testo JSON, senza leggerlo)",
                migliore(() -> jdbc.query(JSON_PER_RIGA, (rs, n) -> rs.getString(2), avviso).size())));

        ClientHttp http = new ClientHttp(port);
        HttpClient client = HttpClient.newHttpClient();
        for (String[] misura : List.of(
                new String[] {"«tutte le domande», una pagina di 500", "/api/avvisi/" + avviso + "/domande?dimensione=500"},
                new String[] {"graduatoria più grande in JSON", "/api/graduatorie/" + maggiore},
                new String[] {"graduatoria più grande in .xlsx", "/api/graduatorie/" + maggiore + "/esportazione?formato=xlsx"},
                new String[] {"graduatoria più grande in CSV", "/api/graduatorie/" + maggiore + "/esportazione?formato=csv"})) {
            risultato.append(riga(misura[0], migliore(() -> {
                try {
                    HttpResponse<byte[]> risposta = client.send(http.richiesta(misura[1], SUPERVISORE).GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    assertThat(risposta.statusCode()).isEqualTo(200);
                    return risposta.body().length;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            })));
        }
        System.out.println(risultato);
        Path file = Path.of("target", "bench", "elenchi.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, risultato);
    }

    private static String riga(String cosa, double ms) {
        return String.format(Locale.ROOT, "  %s: %.0f ms%n", cosa, ms);
    }

    /** Best of three runs after one warm-up, in milliseconds. */
    private static double migliore(IntSupplier giro) {
        giro.getAsInt();
        double migliore = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long inizio = System.nanoTime();
            giro.getAsInt();
            migliore = Math.min(migliore, (System.nanoTime() - inizio) / 1e6);
        }
        return migliore;
    }
}
