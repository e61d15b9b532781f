package it.piattaformacasa.config.process.errori;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.GiaEsistenteException;
import it.piattaformacasa.common.NonAmmissibileException;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.web.FormatoErrore;
import it.piattaformacasa.common.web.Problema;
import jakarta.ws.rs.core.Response.Status;

/**
 * What reaches the engine's error mappers, as the engine and the REST resources wrap it: a refusal of ours inside
 * {@code complete} comes out with its status and message at any depth; Camunda's conditions in Italian; nothing of a
 * failure's cause in the body.
 */
class ErroriMotoreTest {

    private static final Pattern CLASSE = Pattern.compile("[a-z]+\\.[a-z]+\\.[A-Z]\\w+|Exception|at [a-z]+\\.");
    private static final String COMPLETE = "/engine-rest/task/t1/complete";

    /** Like the engine guards of *.process packages: Camunda's types, our package, Italian messages. */
    static class GuardiaAutorizzazione extends AuthorizationException {
        GuardiaAutorizzazione(String messaggio) {
            super(messaggio);
        }
    }

    static class GuardiaRichiesta extends BadUserRequestException {
        GuardiaRichiesta(String messaggio) {
            super(messaggio);
        }
    }

    static Stream<Arguments> eccezioni() {
        return Stream.of(
                caso("conflitto di un delegate", () -> new ConflittoException("L'istruttoria 4 è già chiusa"),
                        409, "L'istruttoria 4 è già chiusa"),
                caso("conflitto avvolto dalla risorsa REST", () -> new RestException(Status.INTERNAL_SERVER_ERROR,
                        new ProcessEngineException("wrapped", new ConflittoException("L'istruttoria 4 è già chiusa")),
                        "Cannot complete task t1: wrapped"), 409, "L'istruttoria 4 è già chiusa"),
                caso("dati rifiutati dentro un BpmnParseException", () -> new BpmnParseException("parse", null,
                        DatiNonValidiException.campo("dataFirma", "la data è nel futuro")), 400, "dataFirma: la data è nel futuro"),
                caso("non trovato dal delegate", () -> new ProcessEngineException(new NonTrovatoException("Domanda 9 non trovata")),
                        404, "Domanda 9 non trovata"),
                caso("accesso negato dal delegate", () -> new ProcessEngineException(new AccessoNegatoException("Solo l'ente proprietario")),
                        403, "Solo l'ente proprietario"),
                caso("requisiti non soddisfatti", () -> new NonAmmissibileException("Domanda non ammissibile", List.of("ISEE oltre la soglia")),
                        422, "Domanda non ammissibile"),
                caso("copia di qualcosa che esiste già", () -> new GiaEsistenteException("Domanda già presentata", 12),
                        409, "Domanda già presentata"),
                caso("guardia del motore che rifiuta un'autorizzazione", () -> new GuardiaAutorizzazione("Solo il revisore approva"),
                        403, "Solo il revisore approva"),
                caso("guardia del motore che rifiuta una richiesta", () -> new RestException(Status.INTERNAL_SERVER_ERROR,
                        new GuardiaRichiesta("La scadenza è già passata"), "Cannot complete task t1"), 400, "La scadenza è già passata"),
                caso("attività già presa in carico", () -> new TaskAlreadyClaimedException("t1", "mario.rossi"),
                        409, "già in carico a mario.rossi"),
                caso("modifica concorrente", () -> new RestException(Status.INTERNAL_SERVER_ERROR,
                        new OptimisticLockingException("Entity was updated by another transaction concurrently"), "x"),
                        409, "nello stesso momento"),
                caso("autorizzazione del motore mancante", () -> new AuthorizationException("mario", "TASK_WORK", "Task", "t1"),
                        403, "completare questa attività"),
                caso("attività inesistente", () -> new RestException(Status.INTERNAL_SERVER_ERROR,
                        new NullValueException("Cannot find task with id t1: task is null"), "Cannot complete task t1: ..."),
                        404, "L'attività t1 non esiste"),
                caso("istanza terminata", () -> new NullValueException("execution e1 doesn't exist: execution is null"),
                        404, "L'istanza di processo e1 non esiste o è già terminata"),
                caso("valore di variabile non convertibile", ErroriMotoreTest::valoreNonConvertibile,
                        400, "«abc» non è un valore di tipo Integer"),
                caso("utente che esiste già", () -> new BadUserRequestException("The user already exists",
                        new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation 'INSERT UserEntity'")),
                        409, "Esiste già un utente"),
                caso("identificativo non valido", () -> new ProcessEngineException(
                        "User has an invalid id: 'a b!' is not a valid resource identifier."), 400, "«a b!» non è valido"),
                caso("variabile serializzata in Java", () -> new RestException(Status.INTERNAL_SERVER_ERROR,
                        new ProcessEngineException("ENGINE-17007 Cannot set variable with name x. Java serialization format is prohibited"),
                        "Cannot instantiate process definition"), 400, "«x» è un oggetto Java serializzato"),
                caso("richiesta rifiutata dal motore in inglese", () -> new BadUserRequestException("Process definition key is null"),
                        400, "non è valida"),
                caso("JSON malformato", () -> new JsonParseException(null, "Unexpected character"), 400, "JSON"),
                caso("valore fuori enumerazione letto dal delegate", ErroriMotoreTest::valoreFuoriEnumerazione,
                        400, "non è del tipo o tra i valori previsti"),
                caso("argomento non valido del motore", ErroriMotoreTest::argomentoNonValidoDelMotore, 500, "riferimento"),
                caso("errore SQL", () -> new ProcessEngineException("ERROR: update ACT_RU_TASK set REV_ = 2 where ID_ = 't1' "
                        + "org.postgresql.util.PSQLException"), 500, "riferimento"),
                caso("errore qualsiasi", () -> new IllegalStateException("boom"), 500, "riferimento"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eccezioni")
    void ogniEccezioneDiventaUnProblemaItaliano(String descrizione, Supplier<Throwable> eccezione, int status, String frammento) {
        Problema problema = ErroriMotore.traduci(eccezione.get(), "POST", COMPLETE);

        assertThat(problema.status()).as(descrizione).isEqualTo(status);
        assertThat(problema.dettaglio()).contains(frammento);
        String json = FormatoErrore.json(problema, COMPLETE, true);
        assertThat(json).doesNotContainPattern(CLASSE).doesNotContain("ACT_RU").doesNotContain("\"type\":\"AuthorizationException\"");
        assertThat(problema.riferimento() != null).isEqualTo(status >= 500);
    }

    @Test
    void senzaUnPercorsoRiconosciutoLOperazioneVieneDalPermessoMancante() {
        assertThat(ErroriMotore.operazione(new AuthorizationException("mario", "TASK_WORK", "Task", "t1"), "GET",
                "/engine-rest/qualcosa")).isEqualTo("lavorare su questa attività");
        assertThat(ErroriMotore.operazione(new AuthorizationException("mario", "CREATE_INSTANCE", "ProcessDefinition", "avviso"),
                "GET", null)).isEqualTo("avviare questo processo");
        assertThat(ErroriMotore.operazione(new AuthorizationException("The user is not a member of the group camunda-admin"),
                "GET", "/engine-rest/qualcosa")).isEqualTo("eseguire questa operazione");
    }

    /** As VariableValueDto does it: Jackson reads the value as the type, the resource names it in English. */
    private static Throwable valoreNonConvertibile() {
        try {
            new ObjectMapper().readValue("\"abc\"", Integer.class);
            throw new AssertionError("non arriva qui");
        } catch (JsonProcessingException e) {
            return new InvalidRequestException(Status.BAD_REQUEST, e,
                    "Cannot convert value 'abc' of type 'Integer' to java type java.lang.Integer");
        }
    }

    private static Throwable valoreFuoriEnumerazione() {
        try {
            TimeUnit.valueOf("FORSE");
            throw new AssertionError("non arriva qui");
        } catch (IllegalArgumentException e) {
            return new ProcessEngineException("wrapped", e);
        }
    }

    private static Throwable argomentoNonValidoDelMotore() {
        IllegalArgumentException e = new IllegalArgumentException("Illegal character in path");
        e.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("org.camunda.bpm.engine.impl.Qualcosa", "fai", "Qualcosa.java", 1)});
        return e;
    }

    private static Arguments caso(String descrizione, Supplier<Throwable> eccezione, int status, String frammento) {
        return Arguments.of(descrizione, eccezione, status, frammento);
    }
}
