package it.piattaformacasa.bench;

import static it.piattaformacasa.DemoUtenti.SUPERVISORE;
import static org.assertj.core.api.Assertions.assertThat;

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
import it.piattaformacasa.SessioneConsole;

/**
 * The console's «Tutte le domande» of an avviso of N domande (default 100k): one page of 25 rows as a supervisor
 * opens it in the browser (whole HTML page, session login, count of the matches), first and deep pages, each order,
 * a search by codice fiscale and by name, the «In lavorazione» area, and the downloads of the whole list (.xlsx,
 * CSV). Every richiedente gets a name, so the join on the nucleo is the real one. Run with {@code ./mvnw -Pbench verify -Dtest=DomandeConsoleBenchmark}
 * ({@code -Dbench.domande=…}); figures in {@code target/bench/console-domande.txt}. It measures; it asserts nothing
 * about time.
 */
@IntegrationTest
class DomandeConsoleBenchmark {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void tutteLeDomandeUnaPaginaAllaVolta() throws Exception {
        int domande = Integer.getInteger("bench.domande", 100_000);
        long avviso = new GeneratoreAvvisoSintetico(jdbc).avvisoChiuso(domande);
        jdbc.update("""
                insert into componente (nucleo_id, codice_fiscale, nome, cognome, data_nascita, relazione, posizione)
                select d.nucleo_id, d.richiedente_cf, 'Nome' || d.id, 'Cognome' || d.id, date '1980-01-01', 'RICHIEDENTE', 1
                  from domanda d where d.avviso_id = ?""", avviso);
        // as a submission writes it (V46): the richiedente's name on the domanda too
        jdbc.update("update domanda set richiedente_nome = 'Nome' || id, richiedente_cognome = 'Cognome' || id where avviso_id = ?",
                avviso);
        // a table in its steady state, as autovacuum leaves it: the visibility map lets the index answer alone
        jdbc.execute("vacuum analyze domanda");
        jdbc.execute("vacuum analyze componente");
        long unaDomanda = jdbc.queryForObject("select max(id) from domanda where avviso_id = ?", Long.class, avviso);
        String cf = jdbc.queryForObject("select richiedente_cf from domanda where id = ?", String.class, unaDomanda);

        SessioneConsole supervisore = SessioneConsole.di(new ClientHttp(port), SUPERVISORE);
        String base = "/avvisi/" + avviso + "/domande";
        int ultima = (domande + 24) / 25;
        StringBuilder risultato = new StringBuilder(String.format(Locale.ROOT, """
                Console, «Tutte le domande» di un avviso sintetico di %d domande: una pagina HTML di 25 righe
                  (supervisore, sessione della console); migliore di 3 dopo un giro di riscaldamento
                """, domande));
        for (String[] misura : List.of(
                new String[] {"prima pagina, per ISBAR", base},
                new String[] {"pagina 2.000, per ISBAR", base + "?pagina=" + Math.min(2_000, ultima)},
                new String[] {"ultima pagina (" + ultima + "), per ISBAR", base + "?pagina=" + ultima},
                new String[] {"prima pagina, per ID", base + "?ordina=id"},
                new String[] {"prima pagina, per cognome del richiedente", base + "?ordina=richiedente"},
                new String[] {"pagina 2.000, per cognome del richiedente", base + "?ordina=richiedente&pagina=" + Math.min(2_000, ultima)},
                new String[] {"prima pagina, per data di presentazione", base + "?ordina=presentazione"},
                new String[] {"ricerca per codice fiscale", base + "?cerca=" + cf},
                new String[] {"ricerca per ID", base + "?cerca=" + unaDomanda},
                new String[] {"ricerca per nome («Cognome" + unaDomanda + "»)", base + "?cerca=Cognome" + unaDomanda},
                new String[] {"ricerca per parte del nome («ome12», molte domande)", base + "?cerca=ome12"},
                new String[] {"«In lavorazione»", base + "?vista=in-lavorazione"})) {
            risultato.append(riga(misura[0], migliore(() -> {
                ClientHttp.Risposta risposta = supervisore.get(misura[1]);
                assertThat(risposta.status()).as(misura[1]).isEqualTo(200);
                return risposta.body().length();
            })));
        }
        assertThat(supervisore.get(base + "?cerca=" + cf).body()).contains("Nome" + unaDomanda + " Cognome" + unaDomanda);
        // the downloads: every domanda of the avviso, read 1,000 at a time and written as they come
        risultato.append("  scaricamenti di tutte le domande (supervisore), migliore di 3:\n");
        for (String[] misura : List.of(
                new String[] {".xlsx, per ISBAR", base + "/esportazione?formato=xlsx"},
                new String[] {".csv, per ISBAR", base + "/esportazione?formato=csv"},
                new String[] {".xlsx, per cognome del richiedente", base + "/esportazione?ordina=richiedente&formato=xlsx"})) {
            int[] dimensione = {0};
            double ms = migliore(() -> {
                HttpResponse<byte[]> file = supervisore.scarica(misura[1]);
                assertThat(file.statusCode()).as(misura[1]).isEqualTo(200);
                dimensione[0] = file.body().length;
                return dimensione[0];
            });
            risultato.append(String.format(Locale.ROOT, "  %s: %.0f ms, %.1f MB%n", misura[0], ms, dimensione[0] / 1e6));
        }
        assertThat(supervisore.get(base + "/esportazione?formato=csv").body().lines()).hasSize(domande + 1);
        // the database's share: the count and the page's ids, as DomandePerGraduatorie.cerca asks for them
        for (String sql : List.of("select count(*) from domanda d where d.avviso_id = ?",
                "select d.id from domanda d where d.avviso_id = ? order by d.isbar desc, d.id limit 25 offset 49975",
                "select d.id from domanda d where d.avviso_id = ? order by d.richiedente_cognome, d.richiedente_nome, d.id "
                        + "limit 25 offset 0")) {
            risultato.append("  explain analyze: ").append(sql).append('\n');
            jdbc.queryForList("explain (analyze, costs off, timing off) " + sql, String.class, avviso)
                    .forEach(l -> risultato.append("    ").append(l).append('\n'));
        }
        // the name on the domanda (V46) against the join on the nucleo it replaced, side by side in the same run
        String cognome = "%Cognome" + unaDomanda + "%";
        for (String[] confronto : List.of(
                new String[] {"ordine per cognome",
                        "select d.id from domanda d left join componente rc on rc.nucleo_id = d.nucleo_id and rc.relazione = "
                                + "'RICHIEDENTE' where d.avviso_id = ? order by rc.cognome, rc.nome, d.id limit 25",
                        "select d.id from domanda d where d.avviso_id = ? order by d.richiedente_cognome, "
                                + "d.richiedente_nome, d.id limit 25"},
                new String[] {"conteggio della ricerca per nome",
                        "select count(*) from domanda d left join componente rc on rc.nucleo_id = d.nucleo_id and "
                                + "rc.relazione = 'RICHIEDENTE' where d.avviso_id = ? and (rc.nome ilike '" + cognome
                                + "' or rc.cognome ilike '" + cognome + "')",
                        "select count(*) from domanda d where d.avviso_id = ? and (d.richiedente_nome ilike '" + cognome
                                + "' or d.richiedente_cognome ilike '" + cognome + "')"})) {
            double prima = migliore(() -> jdbc.queryForList(confronto[1], avviso).size());
            double dopo = migliore(() -> jdbc.queryForList(confronto[2], avviso).size());
            risultato.append(String.format(Locale.ROOT, "  %s, SQL: con il join sul nucleo %.1f ms, col nome sulla domanda %.1f ms (%.1f×)%n",
                    confronto[0], prima, dopo, prima / dopo));
        }
        System.out.println(risultato);
        Path file = Path.of("target", "bench", "console-domande.txt");
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
