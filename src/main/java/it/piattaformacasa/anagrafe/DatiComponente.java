package it.piattaformacasa.anagrafe;

import java.time.LocalDate;

/** A member of a nucleo assegnatario as the ente's operator declares it (issue 13): codice fiscale, name, birth, relation. */
public record DatiComponente(String codiceFiscale, String nome, String cognome, LocalDate dataNascita, RelazioneParentela relazione) {
}
