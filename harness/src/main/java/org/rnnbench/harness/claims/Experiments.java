package org.rnnbench.harness.claims;

/**
 * The configurations several claims share, so that they share units: the adding problem of Arjovsky et al. 2016
 * (H=128, RMSprop at 1e-3, batch 20, clip 1) trained and at initialisation, and JSB Chorales at Chung et al.'s
 * parameter budget. Step counts are what fits the budget of {@code rnnbench claims} (every claim on scratch within
 * an hour on two cores); the sources trained longer.
 */
public final class Experiments {
    /** Train steps on the adding problem (Arjovsky et al. trained for many more). */
    public static final int ADDING_STEPS = 8000;
    /** Train steps on JSB Chorales (Chung et al. trained to convergence on validation). */
    public static final int JSB_STEPS = 4000;
    /** The training loss counted as reached on JSB Chorales: between chance (11.09) and the published 8.5-9.2. */
    public static final double JSB_TARGET = 9.5;

    private Experiments() {
    }

    /** A trained cell on the adding problem of length {@code t}. */
    public static Arm adding(String cell, int t) {
        return new Arm("adding-T" + t, cell, 128, "pytorch", "rmsprop", 1e-3, 1, 0, 20, ADDING_STEPS, null);
    }

    /** A cell at initialisation (no training) on adding-T100 with the given initialiser. */
    public static Arm atInit(String cell, String init) {
        return new Arm("adding-T100", cell, 128, init, "rmsprop", 1e-3, 1, 0, 20, 0, null);
    }

    /** A cell on JSB Chorales with {@code hidden} units (Chung et al.: RMSprop, clip 1). */
    public static Arm jsb(String cell, int hidden) {
        return new Arm("jsb-chorales", cell, hidden, "pytorch", "rmsprop", 1e-3, 1, 0, 16, JSB_STEPS, JSB_TARGET);
    }
}
