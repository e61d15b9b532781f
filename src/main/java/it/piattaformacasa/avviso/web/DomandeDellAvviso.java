package it.piattaformacasa.avviso.web;

import java.util.Collection;
import java.util.Map;

/**
 * How many domande of each avviso the caller may see, for the avvisi's pages. The domanda module answers (it depends on
 * avviso, not the other way round), with the visibility of its own «Tutte le domande».
 */
public interface DomandeDellAvviso {

    /** Avviso id → domande the caller sees; an avviso without any may be missing. */
    Map<Long, Long> visibili(Collection<Long> avvisi);
}
