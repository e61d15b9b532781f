package it.piattaformacasa.regole;

import java.util.Map;
import java.util.TreeMap;

/**
 * The rule-set versions a case is evaluated with: set name («isbar») → version. An avviso is bound to the versions
 * in force on the day it was predisposto; a set missing from the map is evaluated with its current version.
 */
public record RegoleVincolate(Map<String, Integer> versioni) {

    /** No binding: every set at its current version (the one in force today). */
    public static final RegoleVincolate CORRENTI = new RegoleVincolate(Map.of());

    public RegoleVincolate {
        versioni = Map.copyOf(versioni);
    }

    /** @return the bound version of the set, or null for the current one */
    public Integer versione(String nome) {
        return versioni.get(nome);
    }

    /** The same binding with one set at another version (what-if, re-scoring). */
    public RegoleVincolate con(String nome, int versione) {
        Map<String, Integer> altre = new TreeMap<>(versioni);
        altre.put(nome, versione);
        return new RegoleVincolate(altre);
    }
}
