package it.piattaformacasa.domanda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.avviso.RegoleDellAvviso;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import it.piattaformacasa.regole.CalcoloIsbar;
import it.piattaformacasa.regole.PunteggioIsbar;
import it.piattaformacasa.regole.RegistroRegole;
import it.piattaformacasa.regole.RegoleVincolate;
import it.piattaformacasa.regole.RepositoryRegole;
import it.piattaformacasa.regole.RequisitiEconomici;

/**
 * Changing the rules of a running avviso: only as an explicit decision, with its reason, by a supervisor, before the
 * graduatorie exist. The avviso is re-bound to the chosen published versions and every domanda is scored again on the
 * inputs recorded at its submission; binding, counts and reason go to the audit trail, all in one transaction.
 */
@Service
public class RivalutazioneAvviso {

    public record Esito(long avvisoId, Map<String, Integer> prima, Map<String, Integer> dopo, int domande, int cambiate,
                        int senzaInputRegistrati) {
    }

    private final DomandaRepository domande;
    private final RegoleDellAvviso regole;
    private final RepositoryRegole repository;
    private final CalcoloIsbar isbar;
    private final RequisitiEconomici requisiti;
    private final RegistroRegole registro;
    private final UtenteCorrente utente;
    private final JdbcTemplate jdbc;

    RivalutazioneAvviso(DomandaRepository domande, RegoleDellAvviso regole, RepositoryRegole repository, CalcoloIsbar isbar,
                        RequisitiEconomici requisiti, RegistroRegole registro, UtenteCorrente utente, JdbcTemplate jdbc) {
        this.domande = domande;
        this.regole = regole;
        this.repository = repository;
        this.isbar = isbar;
        this.requisiti = requisiti;
        this.registro = registro;
        this.utente = utente;
        this.jdbc = jdbc;
    }

    /**
     * @param versioni set name → PUBLISHED (or RETIRED) version; the other sets keep their binding
     * @throws ConflittoException when the graduatorie already exist or a version was never published
     */
    @Transactional
    public Esito rivaluta(long avvisoId, Map<String, Integer> versioni, String motivo) {
        List<DatiNonValidiException.Errore> errori = new ArrayList<>();
        if (motivo == null || motivo.isBlank()) {
            errori.add(new DatiNonValidiException.Errore("motivo", "indicare il motivo della rivalutazione"));
        }
        if (versioni == null || versioni.isEmpty()) {
            errori.add(new DatiNonValidiException.Errore("versioni", "indicare almeno un insieme di regole e la versione"));
        } else {
            versioni.forEach((nome, versione) -> {
                if (versione == null) {
                    errori.add(new DatiNonValidiException.Errore("versioni." + nome, "indicare la versione"));
                }
            });
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from graduatoria where avviso_id = ?)",
                Boolean.class, avvisoId))) {
            throw new ConflittoException("Le graduatorie dell'avviso " + avvisoId + " sono già generate: i punteggi si "
                    + "correggono con la rettifica e l'istruttoria, non rivalutando l'avviso");
        }
        RegoleVincolate prima = regole.vincolo(avvisoId);
        RegoleVincolate dopo = prima;
        for (Map.Entry<String, Integer> scelta : versioni.entrySet()) {
            RepositoryRegole.Versione versione = repository.versione(scelta.getKey(), scelta.getValue());
            if (versione.pubblicataIl() == null) {
                throw new ConflittoException("La versione " + versione.versione() + " di «" + versione.nome()
                        + "» non è mai stata pubblicata: prima i quattro occhi, poi la rivalutazione");
            }
            dopo = dopo.con(scelta.getKey(), scelta.getValue());
        }
        regole.rivincola(avvisoId, dopo, utente.username(), motivo.strip());
        int cambiate = 0;
        int senzaInput = 0;
        List<Domanda> tutte = domande.findByAvvisoIdOrderByIsbarDesc(avvisoId);
        for (Domanda domanda : tutte) {
            if (domanda.getInputRegole() == null) {
                senzaInput++;
                continue;
            }
            InputRegole input = InputRegole.da(domanda.getInputRegole());
            PunteggioIsbar punteggio = isbar.calcola(input.isbar(), dopo);
            boolean indigente = requisiti.valuta(input.requisiti(), dopo).indigente();
            if (punteggio.totale().valore().compareTo(domanda.getIsbar().valore()) != 0 || indigente != domanda.isIndigente()) {
                cambiate++;
            }
            domanda.rivalutata(punteggio, indigente);
        }
        Map<String, Object> dettagli = new LinkedHashMap<>();
        dettagli.put("domande", tutte.size());
        dettagli.put("cambiate", cambiate);
        dettagli.put("senzaInputRegistrati", senzaInput);
        registro.registra(utente.username(), RegistroRegole.Azione.RIVALUTAZIONE_AVVISO, null, null, avvisoId,
                motivo.strip(), dettagli);
        return new Esito(avvisoId, prima.versioni(), dopo.versioni(), tutte.size(), cambiate, senzaInput);
    }
}
