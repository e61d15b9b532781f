package it.piattaformacasa.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.domanda.DomandePerGraduatorie;
import it.piattaformacasa.graduatoria.GenerazioniService;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/**
 * Closing an avviso of N domande (default 100k) over 10 enti and 20 comuni: generating and persisting every
 * graduatoria, against a bulk insert of the same number of rows measured in the same run (the floor); then the
 * re-run of its run record from the stored inputs.
 * Run with {@code ./mvnw -Pbench verify -Dbench.domande=100000}. It measures; it asserts nothing about time.
 */
@IntegrationTest
class GraduatorieBenchmark {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    GraduatoriaService graduatorie;
    @Autowired
    DomandePerGraduatorie lettura;
    @Autowired
    GenerazioniService generazioni;

    @Test
    void chiusuraDiUnAvvisoConCentomilaDomande() throws Exception {
        int domande = Integer.getInteger("bench.domande", 100_000);
        long avviso = new GeneratoreAvvisoSintetico(jdbc).avvisoChiuso(domande);

        long inizioLettura = System.nanoTime();
        int lette = lettura.di(avviso).size();
        double letturaMs = (System.nanoTime() - inizioLettura) / 1e6;

        long inizio = System.nanoTime();
        GraduatoriaService.Generazione generazione = graduatorie.generaProvvisorie(avviso).orElseThrow();
        double generazioneMs = (System.nanoTime() - inizio) / 1e6;
        Integer righe = jdbc.queryForObject("select count(*) from graduatoria_riga r join graduatoria g on g.id = r.graduatoria_id "
                + "where g.avviso_id = ?", Integer.class, avviso);

        long inizioRiesecuzione = System.nanoTime();
        GenerazioniService.Riesecuzione riesecuzione = generazioni.riesegui(generazione.id());
        double riesecuzioneMs = (System.nanoTime() - inizioRiesecuzione) / 1e6;
        long registroByte = jdbc.queryForObject("select pg_total_relation_size('generazione_input') "
                + "+ pg_total_relation_size('generazione_risultato')", Long.class);

        // the floor: the very same rows bulk-inserted by the database itself, with no Java in between, into a logged
        // table with the same keys, unique index and foreign keys as graduatoria_riga
        jdbc.execute("create table bench_righe (like graduatoria_riga including all)");
        jdbc.execute("alter table bench_righe add foreign key (graduatoria_id) references graduatoria (id), "
                + "add foreign key (domanda_id) references domanda (id)");
        long inizioFloor = System.nanoTime();
        jdbc.update("insert into bench_righe select r.* from graduatoria_riga r join graduatoria g on g.id = r.graduatoria_id "
                + "where g.avviso_id = ?", avviso);
        double floorMs = (System.nanoTime() - inizioFloor) / 1e6;
        jdbc.execute("drop table bench_righe");
        // and a lower bound below any real table: the same rows into a temporary table without keys (no WAL, no index)
        jdbc.execute("create temporary table bench_righe_nude (like graduatoria_riga including defaults)");
        long inizioNudo = System.nanoTime();
        jdbc.update("insert into bench_righe_nude select r.* from graduatoria_riga r join graduatoria g on g.id = r.graduatoria_id "
                + "where g.avviso_id = ?", avviso);
        double nudoMs = (System.nanoTime() - inizioNudo) / 1e6;
        jdbc.execute("drop table bench_righe_nude");

        String risultato = String.format(Locale.ROOT, """
                Graduatorie provvisorie — chiusura di un avviso sintetico
                  domande: %d, graduatorie: %d, righe: %d
                  generazione (lettura, ordinamento art. 12, inserimento, registro): %.0f ms (%.0f domande/s)
                    di cui sola lettura delle %d domande con gli alloggi scelti (misurata a parte): %.0f ms
                  floor (le stesse %d righe copiate dal database in una tabella con le stesse chiavi e FK): %.0f ms
                  rapporto generazione / floor: %.1f×
                  (stesse righe in una tabella temporanea senza chiavi: %.0f ms, rapporto %.1f×)
                  digest input %s, risultato %s
                  registro della generazione: input di %d domande e risultato in %.1f MB (tabelle e indici)
                  riesecuzione dal registro (lettura degli input, ordinamento, digest): %.0f ms, riprodotta: %s
                """, generazione.numeroDomande(), generazione.numeroGraduatorie(), righe, generazioneMs,
                generazione.numeroDomande() / (generazioneMs / 1000), lette, letturaMs, righe, floorMs, generazioneMs / floorMs, nudoMs,
                generazioneMs / nudoMs,
                generazione.digestInput().substring(0, 12), generazione.digestRisultato().substring(0, 12),
                generazione.numeroDomande(), registroByte / 1e6, riesecuzioneMs, riesecuzione.riprodotta());
        System.out.println(risultato);
        Path file = Path.of("target", "bench", "graduatorie.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, risultato);
    }
}
