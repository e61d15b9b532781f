package it.piattaformacasa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.OrologioDiProva;
import it.piattaformacasa.assegnazione.IstruttoriaProcesso;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/**
 * History growth (issue 17, ADR 22): the bytes one avviso of N domande (default 10k, {@code -Dbench.storico.domande})
 * adds to the engine's history (act_hi_* and act_ge_bytearray, tables and indexes) and to the platform's own tables,
 * step by step: the closed domande (written set-based by {@link GeneratoreAvvisoSintetico}: the submission itself
 * writes no engine history, only the platform's rows), the graduatorie provvisorie with their approval processes
 * ({@link GraduatoriaService#generaProvvisorie}, the real code), and a sample of istruttorie (default 1,000,
 * {@code -Dbench.storico.istruttorie}) started and ended through the platform's process adapter
 * ({@link IstruttoriaProcesso#avvia}: task created, listeners, claim; then closed by the «assegnato altrove» message).
 * Then the history cleanup as configured (ADR 22): with the clock moved past the processes' time to live, the cleanup
 * job removes every history row of the ended istruttorie and nothing of the platform's tables or of running processes.
 */
@IntegrationTest
class StoricoBenchmark {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    GraduatoriaService graduatorie;
    @Autowired
    IstruttoriaProcesso istruttorie;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ProcessEngineConfigurationImpl configurazione;
    @Autowired
    TransactionTemplate transazione;

    record Dimensioni(long storia, long bytearray, long piattaforma) {
        Dimensioni meno(Dimensioni d) {
            return new Dimensioni(storia - d.storia, bytearray - d.bytearray, piattaforma - d.piattaforma);
        }
    }

    @AfterEach
    void ripristina() {
        OrologioDiProva.ripristina();
    }

    @Test
    void storiaDiUnAvvisoDiDiecimilaDomande() throws Exception {
        int domande = Integer.getInteger("bench.storico.domande", 10_000);
        int campione = Integer.getInteger("bench.storico.istruttorie", 1_000);
        String caricoInizio = Misure.carico();

        Dimensioni inizio = dimensioni();
        long avviso = new GeneratoreAvvisoSintetico(jdbc).avvisoChiuso(domande);
        Dimensioni dopoDomande = dimensioni();
        GraduatoriaService.Generazione generazione = graduatorie.generaProvvisorie(avviso).orElseThrow();
        Dimensioni dopoGraduatorie = dimensioni();
        long processiGraduatoria = jdbc.queryForObject("""
                select count(*) from act_hi_procinst p join graduatoria g on p.business_key_ = g.id::text
                 where p.proc_def_key_ = 'graduatoria' and g.avviso_id = ?""", Long.class, avviso);

        List<Map<String, Object>> scelte = jdbc.queryForList("""
                select distinct on (r.domanda_id, g.ente_id) r.graduatoria_id, r.domanda_id, g.ente_id, e.codice_fiscale
                  from graduatoria_riga r join graduatoria g on g.id = r.graduatoria_id
                  join ente_proprietario e on e.id = g.ente_id
                 where g.avviso_id = ? order by r.domanda_id, g.ente_id limit ?""", avviso, campione);
        // the synthetic domande carry placeholder codici fiscali; the verification task's listener reads the domanda
        // through JPA, which accepts valid ones only: the sample gets a valid one (distinct per domanda)
        jdbc.batchUpdate("update domanda set richiedente_cf = ? where id = ?", scelte.stream().map(r -> r.get("domanda_id"))
                .distinct().map(id -> new Object[] {codiceFiscale(((Number) id).longValue()), id}).toList());
        long inizioIstruttorie = System.nanoTime();
        for (int i = 0; i < scelte.size(); i += 100) {
            List<Map<String, Object>> blocco = scelte.subList(i, Math.min(scelte.size(), i + 100));
            transazione.executeWithoutResult(s -> blocco.forEach(riga -> {
                long id = jdbc.queryForObject("""
                        insert into istruttoria (graduatoria_id, ente_id, domanda_id, stato, avviata_il, avviata_da)
                        values (?, ?, ?, 'IN_CORSO', now(), 'bench-istruttore') returning id""", Long.class,
                        riga.get("graduatoria_id"), riga.get("ente_id"), riga.get("domanda_id"));
                istruttorie.avvia(id, (String) riga.get("codice_fiscale"), "bench-istruttore");
                istruttorie.chiudiPerAssegnazioneAltrove(id);
                jdbc.update("update istruttoria set stato = 'CHIUSA_ASSEGNATA_ALTROVE', chiusa_il = now() where id = ?", id);
            }));
        }
        double istruttorieS = (System.nanoTime() - inizioIstruttorie) / 1e9;
        Dimensioni dopoIstruttorie = dimensioni();
        int n = scelte.size();

        Dimensioni perDomande = dopoDomande.meno(inizio);
        Dimensioni perGraduatorie = dopoGraduatorie.meno(dopoDomande);
        Dimensioni perIstruttorie = dopoIstruttorie.meno(dopoGraduatorie);
        double storiaPerIstruttoria = (perIstruttorie.storia() + perIstruttorie.bytearray()) / (double) n;

        // the cleanup as configured: removal time = end + the definition's time to live; 1 day past it, run the job
        String ttl = repositoryService.createProcessDefinitionQuery().processDefinitionKey("istruttoria").latestVersion()
                .singleResult().getHistoryTimeToLive().toString();
        String filtro = "root_proc_inst_id_ in (select id_ from act_hi_procinst where proc_def_key_ = 'istruttoria' "
                + "and business_key_::bigint in (select id from istruttoria where avviata_da = 'bench-istruttore'))";
        long righePrima = righeStoria(filtro);
        Timestamp rimozione = jdbc.queryForObject("select max(removal_time_) from act_hi_procinst where " + filtro.replace("root_proc_inst_id_", "id_"),
                Timestamp.class);
        long piattaformaPrima = righePiattaforma(avviso);
        long graduatoriePrima = righeStoria("root_proc_inst_id_ in (select p.id_ from act_hi_procinst p join graduatoria g "
                + "on p.business_key_ = g.id::text where p.proc_def_key_ = 'graduatoria' and g.avviso_id = " + avviso + ")");
        OrologioDiProva.fermaA(rimozione.toInstant().plus(1, ChronoUnit.DAYS));
        long inizioPulizia = System.nanoTime();
        Job lavoro = historyService.cleanUpHistoryAsync(true);
        int esecuzioni = 0;
        while (righeStoria(filtro) > 0 && esecuzioni < 10_000) {
            for (Job job : managementService.createJobQuery().list()) {
                if (job.getId().equals(lavoro.getId()) || "history-cleanup".equals(tipo(job))) {
                    managementService.executeJob(job.getId());
                    esecuzioni++;
                }
            }
        }
        double puliziaS = (System.nanoTime() - inizioPulizia) / 1e9;
        long righeDopo = righeStoria(filtro);
        long piattaformaDopo = righePiattaforma(avviso);
        long graduatorieDopo = righeStoria("root_proc_inst_id_ in (select p.id_ from act_hi_procinst p join graduatoria g "
                + "on p.business_key_ = g.id::text where p.proc_def_key_ = 'graduatoria' and g.avviso_id = " + avviso + ")");
        assertThat(righePrima).isPositive();
        assertThat(righeDopo).as("storia delle istruttorie concluse oltre il TTL").isZero();
        assertThat(piattaformaDopo).as("le tabelle della piattaforma sono l'atto: la pulizia non le tocca").isEqualTo(piattaformaPrima);
        assertThat(graduatorieDopo).as("processi di graduatoria ancora in corso: nessuna data di rimozione").isEqualTo(graduatoriePrima);

        double mb = 1e6;
        long storiaAvviso = perDomande.storia() + perDomande.bytearray() + perGraduatorie.storia() + perGraduatorie.bytearray();
        String risultato = String.format(Locale.ROOT, """
                Storia del motore — un avviso sintetico di %d domande (carico all'inizio: %s, alla fine: %s)
                  domande chiuse (tabelle della piattaforma): %.1f MB = %.0f byte/domanda; storia del motore: %.2f MB
                  graduatorie provvisorie (%d graduatorie, %d processi «graduatoria»): piattaforma %.1f MB, storia %.2f MB
                  %d istruttorie avviate e chiuse dal processo reale (%.1f s): storia %.2f MB (+ bytearray %.2f MB) = %.0f byte/istruttoria,
                    piattaforma %.2f MB
                  pulizia della storia (TTL istruttoria %s giorni, rimozione alla fine + TTL, orologio spostato a rimozione + 1 g):
                    righe di storia delle istruttorie: %d → %d in %d esecuzioni del job (%.1f s); righe della piattaforma dell'avviso %d → %d;
                    righe di storia delle graduatorie in corso %d → %d
                  per avviso: piattaforma %.1f MB, storia senza istruttorie %.2f MB, storia per istruttoria %.0f byte
                """, domande, caricoInizio, Misure.carico(),
                perDomande.piattaforma() / mb, perDomande.piattaforma() / (double) domande, (perDomande.storia() + perDomande.bytearray()) / mb,
                generazione.numeroGraduatorie(), processiGraduatoria, perGraduatorie.piattaforma() / mb,
                (perGraduatorie.storia() + perGraduatorie.bytearray()) / mb,
                n, istruttorieS, perIstruttorie.storia() / mb, perIstruttorie.bytearray() / mb, storiaPerIstruttoria,
                perIstruttorie.piattaforma() / mb, ttl, righePrima, righeDopo, esecuzioni, puliziaS, piattaformaPrima, piattaformaDopo,
                graduatoriePrima, graduatorieDopo,
                (perDomande.piattaforma() + perGraduatorie.piattaforma()) / mb, storiaAvviso / mb, storiaPerIstruttoria);
        System.out.println(risultato);
        Path file = Path.of("target", "bench", "storico.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, risultato);
    }

    /** A valid personal codice fiscale, distinct for up to 33,600 numbers. */
    static String codiceFiscale(long i) {
        return it.piattaformacasa.common.CodiceFiscale.conControllo(String.format(Locale.ROOT, "STRBNC%02d%c%02dL682", i % 100,
                "ABCDEHLMPRST".charAt((int) (i / 100 % 12)), 1 + i / 1200 % 28));
    }

    private static String tipo(Job job) {
        return job instanceof org.camunda.bpm.engine.impl.persistence.entity.JobEntity entita ? entita.getJobHandlerType() : null;
    }

    private Dimensioni dimensioni() {
        jdbc.execute("checkpoint");
        Map<String, Object> r = jdbc.queryForMap("""
                select coalesce(sum(pg_total_relation_size(c.oid)) filter (where c.relname like 'act_hi_%'), 0) as storia,
                       coalesce(sum(pg_total_relation_size(c.oid)) filter (where c.relname = 'act_ge_bytearray'), 0) as bytearray,
                       coalesce(sum(pg_total_relation_size(c.oid)) filter (where c.relname not like 'act_%'
                                and c.relname <> 'flyway_schema_history'), 0) as piattaforma
                  from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where c.relkind = 'r' and n.nspname = current_schema()""");
        return new Dimensioni(((Number) r.get("storia")).longValue(), ((Number) r.get("bytearray")).longValue(),
                ((Number) r.get("piattaforma")).longValue());
    }

    private long righeStoria(String filtro) {
        long totale = 0;
        for (String tabella : List.of("act_hi_actinst", "act_hi_taskinst", "act_hi_varinst", "act_hi_detail", "act_hi_identitylink",
                "act_hi_op_log", "act_hi_procinst")) {
            String f = tabella.equals("act_hi_procinst") ? filtro.replaceFirst("root_proc_inst_id_", "id_") : filtro;
            totale += jdbc.queryForObject("select count(*) from " + tabella + " where " + f, Long.class);
        }
        return totale;
    }

    private long righePiattaforma(long avviso) {
        return jdbc.queryForObject("""
                select (select count(*) from domanda where avviso_id = ?)
                     + (select count(*) from graduatoria_riga r join graduatoria g on g.id = r.graduatoria_id where g.avviso_id = ?)
                     + (select count(*) from istruttoria where avviata_da = 'bench-istruttore')""", Long.class, avviso, avviso);
    }

    static Duration durata(Instant da) {
        return Duration.between(da, Instant.now());
    }
}
