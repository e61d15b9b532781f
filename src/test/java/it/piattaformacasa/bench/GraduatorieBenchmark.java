package it.piattaformacasa.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.domanda.DomandePerGraduatorie;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/**
 * Closing an avviso of N domande (default 100k) over 10 enti and 20 comuni: generating and persisting every
 * graduatoria, against a bulk insert of the same number of rows measured in the same run (the floor).
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

        // the floor: the same number of rows, bulk-inserted by the database itself
        jdbc.execute("create temporary table bench_righe (like graduatoria_riga including defaults)");
        long inizioFloor = System.nanoTime();
        jdbc.update("""
                insert into bench_righe (graduatoria_id, posizione, domanda_id, isbar, indigente, priorita, riserva, parimerito,
                    residente_comune_dal, residente_lombardia_dal, punti_familiare, punti_abitativo, punti_economico, alloggi)
                select 1, i, i, 20.500, false, false, false, false, date '2010-01-01', date '2005-01-01', 5, 4, 2, '[1]'::jsonb
                  from generate_series(1, ?) i""", righe);
        double floorMs = (System.nanoTime() - inizioFloor) / 1e6;

        String risultato = String.format(Locale.ROOT, """
                Graduatorie provvisorie — chiusura di un avviso sintetico
                  domande: %d, graduatorie: %d, righe: %d
                  generazione (lettura, ordinamento art. 12, inserimento, registro): %.0f ms (%.0f domande/s)
                    di cui sola lettura delle %d domande con gli alloggi scelti (misurata a parte): %.0f ms
                  floor (insert di %d righe generate dal database): %.0f ms
                  rapporto generazione / floor: %.1f×
                  digest input %s, risultato %s
                """, generazione.numeroDomande(), generazione.numeroGraduatorie(), righe, generazioneMs,
                generazione.numeroDomande() / (generazioneMs / 1000), lette, letturaMs, righe, floorMs, generazioneMs / floorMs,
                generazione.digestInput().substring(0, 12), generazione.digestRisultato().substring(0, 12));
        System.out.println(risultato);
        Path file = Path.of("target", "bench", "graduatorie.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, risultato);
    }
}
