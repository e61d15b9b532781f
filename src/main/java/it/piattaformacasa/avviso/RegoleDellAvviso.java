package it.piattaformacasa.avviso;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.regole.DescrizioneRegole;
import it.piattaformacasa.regole.ParametriAvviso;
import it.piattaformacasa.regole.QuadroNormativo;
import it.piattaformacasa.regole.RegistroRegole;
import it.piattaformacasa.regole.RegolePubblicate;
import it.piattaformacasa.regole.RegoleVincolate;
import it.piattaformacasa.regole.RepositoryRegole;

/**
 * The binding of each avviso to rule-set versions: those in force on the day it became PREDISPOSTO (seed 003 FAQ 21),
 * with the parameters rules/parametri-avviso.dmn gives for that day. While the avviso has no domanda a publication
 * covering that day moves it to the new version; from its first domanda the binding is frozen (as seed 004 freezes a
 * bando's conditions) and changes only by an explicit, audited re-scoring.
 */
@Service
public class RegoleDellAvviso {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");

    private final JdbcTemplate jdbc;
    private final RepositoryRegole repository;
    private final ParametriAvviso parametri;
    private final RegistroRegole registro;
    private final AvvisoRepository avvisi;
    private final DescrizioneRegole descrizione;

    RegoleDellAvviso(JdbcTemplate jdbc, RepositoryRegole repository, ParametriAvviso parametri, RegistroRegole registro,
                     AvvisoRepository avvisi, DescrizioneRegole descrizione) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.parametri = parametri;
        this.registro = registro;
        this.avvisi = avvisi;
        this.descrizione = descrizione;
    }

    /** The binding, whether it is frozen, and the same readable description {@code /api/regole/in-vigore} gives. */
    public record Descritte(RegoleVincolate vincolo, boolean congelato, QuadroNormativo descrizione) {
    }

    /** Read in one snapshot, so the versions, the frozen flag and the description agree with each other. */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public Descritte descritte(long avvisoId) {
        Avviso avviso = avvisi.findById(avvisoId).orElseThrow(() -> new NonTrovatoException("Avviso " + avvisoId + " non trovato"));
        RegoleVincolate vincolo = vincolo(avvisoId);
        boolean congelato = congelato(avvisoId);
        return new Descritte(vincolo, congelato, descrizione.delVincolo(giorno(avviso), vincolo, congelato));
    }

    /** The binding and parameters for an avviso predisposto on that day, before it exists. */
    @Transactional(readOnly = true)
    public ParametriAvviso.Parametri parametriDelGiorno(LocalDate giorno) {
        return parametri.valuta(giorno, repository.inVigoreIl(giorno));
    }

    /** Binds a new avviso to the versions in force on the day it is predisposto. */
    @Transactional
    public void vincola(Avviso avviso, String chi) {
        RegoleVincolate vincolo = repository.inVigoreIl(giorno(avviso));
        vincolo.versioni().forEach((nome, versione) -> jdbc.update(
                "insert into avviso_regole (avviso_id, nome, versione) values (?, ?, ?)", avviso.getId(), nome, versione));
        registro.registra(chi, RegistroRegole.Azione.VINCOLO_AVVISO, null, null, avviso.getId(),
                "regole in vigore il " + giorno(avviso), Map.of("versioni", vincolo.versioni(), "passo", avviso.getVersioneRegole()));
    }

    /** The versions the avviso's evaluations use. */
    @Transactional(readOnly = true)
    public RegoleVincolate vincolo(long avvisoId) {
        Map<String, Integer> versioni = new TreeMap<>();
        jdbc.query("select nome, versione from avviso_regole where avviso_id = ?",
                rs -> { versioni.put(rs.getString(1), rs.getInt(2)); }, avvisoId);
        return new RegoleVincolate(versioni);
    }

    /**
     * The binding for scoring a new domanda. The shared key lock on the avviso row (the one the domanda's foreign key
     * takes anyway) makes a concurrent re-binding wait for this submission, and this submission wait for it: a
     * domanda is never scored with a binding that changes under it.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public RegoleVincolate vincoloPerNuovaDomanda(long avvisoId) {
        jdbc.queryForList("select id from avviso where id = ? for key share", Long.class, avvisoId);
        // read after the lock, in a statement of its own: a statement that waited for a re-binding's lock still reads
        // with the snapshot it began with, and one statement for both would score with the versions before it
        return vincolo(avvisoId);
    }

    /** Frozen once the avviso has a domanda. */
    @Transactional(readOnly = true)
    public boolean congelato(long avvisoId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from domanda where avviso_id = ?)",
                Boolean.class, avvisoId));
    }

    /**
     * A publication covering the day of unfrozen avvisi moves them to the version now in force for that day, in the
     * publication's transaction. Each avviso is locked first, so a domanda being submitted finishes before (and then
     * the avviso is frozen) or starts after, with the new binding.
     */
    @EventListener
    public void suPubblicazione(RegolePubblicate evento) {
        List<Long> candidati = jdbc.queryForList("""
                select a.id from avviso a
                 where (a.predisposto_il at time zone 'Europe/Rome')::date >= ?
                   and not exists (select 1 from domanda d where d.avviso_id = a.id) order by a.id""",
                Long.class, evento.validoDal());
        for (long avvisoId : candidati) {
            jdbc.queryForList("select id from avviso where id = ? for update", Long.class, avvisoId);
            if (congelato(avvisoId)) {
                continue;
            }
            Avviso avviso = avvisi.findById(avvisoId).orElseThrow();
            RegoleVincolate prima = vincolo(avvisoId);
            Integer nuova = repository.inVigoreIl(giorno(avviso)).versione(evento.nome());
            if (nuova != null && !nuova.equals(prima.versione(evento.nome()))) {
                cambia(avviso, prima, prima.con(evento.nome(), nuova), evento.chi(), RegistroRegole.Azione.VINCOLO_AGGIORNATO,
                        "pubblicata la versione " + evento.versione() + " di «" + evento.nome() + "» dal " + evento.validoDal());
            }
        }
    }

    /**
     * Re-binds an avviso, frozen or not, as decided by a re-scoring; audited with who and why.
     */
    @Transactional
    public void rivincola(long avvisoId, RegoleVincolate nuovo, String chi, String motivo) {
        jdbc.queryForList("select id from avviso where id = ? for update", Long.class, avvisoId);
        Avviso avviso = avvisi.findById(avvisoId).orElseThrow(() -> new NonTrovatoException("Avviso " + avvisoId + " non trovato"));
        cambia(avviso, vincolo(avvisoId), nuovo, chi, RegistroRegole.Azione.RIVALUTAZIONE_AVVISO, motivo);
    }

    private void cambia(Avviso avviso, RegoleVincolate prima, RegoleVincolate dopo, String chi, RegistroRegole.Azione azione,
                        String motivo) {
        dopo.versioni().forEach((nome, versione) -> jdbc.update("""
                insert into avviso_regole (avviso_id, nome, versione) values (?, ?, ?)
                on conflict (avviso_id, nome) do update set versione = excluded.versione""", avviso.getId(), nome, versione));
        String passoPrima = avviso.getVersioneRegole();
        avviso.regoleDelGiorno(parametri.valuta(giorno(avviso), dopo));
        avvisi.saveAndFlush(avviso);
        Map<String, Object> dettagli = new LinkedHashMap<>();
        dettagli.put("prima", prima.versioni());
        dettagli.put("dopo", dopo.versioni());
        dettagli.put("passoPrima", passoPrima);
        dettagli.put("passoDopo", avviso.getVersioneRegole());
        registro.registra(chi, azione, null, null, avviso.getId(), motivo, dettagli);
    }

    /**
     * Avvisi created before the binding existed, or a rule set added by a release: each gets the version in force on
     * its day for every set it is not bound to yet. Runs after the baseline import.
     */
    @Bean
    @Order(1)
    static ApplicationRunner vincoliMancanti(JdbcTemplate jdbc) {
        return argomenti -> jdbc.update("""
                insert into avviso_regole (avviso_id, nome, versione)
                select a.id, v.nome, v.versione
                  from avviso a
                  join lateral (select distinct on (r.nome) r.nome, r.versione from regola_versione r
                                 where r.stato = 'PUBLISHED' and r.valido_dal <= (a.predisposto_il at time zone 'Europe/Rome')::date
                                 order by r.nome, r.valido_dal desc, r.versione desc) v on true
                on conflict (avviso_id, nome) do nothing""");
    }

    private static LocalDate giorno(Avviso avviso) {
        return LocalDate.ofInstant(avviso.getPredispostoIl(), ROMA);
    }
}
