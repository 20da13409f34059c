package org.rnnbench.dl4j.runtime;

import java.io.OutputStream;
import java.io.PrintStream;

import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Builds a SameDiff gradient function without its console output. {@code SameDiff.createGradFunction} prints one
 * line "Added differentiated op ..." per op with {@code System.out.println}, which no logger setting reaches. The
 * function is created once per graph (later gradient calls reuse it and print nothing), so it is created here
 * with {@code System.out} pointed at nothing. {@code System.setOut} is process-wide: output printed by another
 * thread during those milliseconds is lost too.
 */
public final class Quiet {
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    private Quiet() {
    }

    /**
     * Creates the gradient function of {@code sd} silently.
     *
     * @param alsoFor placeholders that need a gradient too (parameters always get one)
     */
    public static synchronized void createGradFunction(SameDiff sd, String... alsoFor) {
        PrintStream out = System.out;
        System.setOut(NOWHERE);
        try {
            sd.createGradFunction(alsoFor);
        } finally {
            System.setOut(out);
        }
    }
}
