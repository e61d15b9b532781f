package it.piattaformacasa.anagrafe;

import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Anagrafe's side of a signed lease (art. 25 r.r. 4/2017): the unit becomes OCCUPATO and the change is in the
 * alloggio's «Storico delle modifiche» like any other, with who registered the contract and when — the state of the
 * stock never changes without a row of {@code anagrafe_registro}.
 */
@Component
public class OccupazioneAlloggi {

    private final JdbcTemplate jdbc;
    private final RegistroAnagrafe registro;

    OccupazioneAlloggi(JdbcTemplate jdbc, RegistroAnagrafe registro) {
        this.jdbc = jdbc;
        this.registro = registro;
    }

    /** In the transaction that registers the contract: a refusal there leaves neither the state nor the row. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void occupatoConContratto(long alloggioId, String operatore, Instant il) {
        Map<String, Object> alloggio = jdbc.queryForMap("select ente_id, stato from alloggio where id = ? for update", alloggioId);
        String prima = (String) alloggio.get("stato");
        if (StatoAlloggio.OCCUPATO.name().equals(prima)) {
            return;
        }
        jdbc.update("update alloggio set stato = ? where id = ?", StatoAlloggio.OCCUPATO.name(), alloggioId);
        registro.registra(new RegistroAnagrafe.Riga(((Number) alloggio.get("ente_id")).longValue(), alloggioId, null,
                RegistroAnagrafe.Azione.MODIFICA, null, Map.of("stato", prima), Map.of("stato", StatoAlloggio.OCCUPATO.name())),
                operatore, il);
    }
}
