package it.piattaformacasa.regole;

import java.time.LocalDate;

/**
 * Published in the transaction that makes a version PUBLISHED: modules holding bindings to rule-set versions (the
 * avvisi) update the ones that may still change, in the same transaction.
 */
public record RegolePubblicate(String nome, int versione, LocalDate validoDal, String chi) {
}
