package it.piattaformacasa.demo;

import java.time.Duration;
import java.time.Instant;

/** Port to the engine's clock for the demo clock (implemented in demo.process). */
public interface OrologioDemoProcesso {

    /**
     * In the caller's transaction, before the clock moves from {@code prima} to {@code dopo}: the engine's short leases
     * still running at {@code prima} (a job's lock while a node executes it, the pause after a wrong password) keep the
     * real time they had left, instead of expiring at once (forward) or lasting as long as the jump (back to real time).
     */
    void spostaScadenzeBrevi(Instant prima, Instant dopo);

    /** The engine's time becomes real time plus {@code scostamento}, running; due jobs are looked for at once. */
    void imposta(Duration scostamento);
}
