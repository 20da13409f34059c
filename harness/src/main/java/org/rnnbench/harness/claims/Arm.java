package org.rnnbench.harness.claims;

import java.util.List;

import org.rnnbench.core.run.RunParams;
import org.rnnbench.harness.plan.Matrix;

/**
 * One configuration of a claim's experiment, run for every seed and backend of the command: a task, a cell and a
 * training setting, one layer. Ids are canonical ({@code rnn-tanh}, {@code rmsprop}), so that the records of a
 * run are found again by their ids. Claims that share an arm share its units.
 *
 * @param task       task id
 * @param cell       cell id
 * @param hidden     hidden size
 * @param init       initialiser id
 * @param optimizer  optimizer id
 * @param lr         learning rate
 * @param clip       global-norm clip, 0 for none
 * @param tbptt      truncated BPTT length, 0 for full
 * @param batch      batch size
 * @param steps      train steps (0: measured at initialisation only)
 * @param targetLoss the training loss counted as reached; null for the task's default (half its chance loss)
 */
public record Arm(String task, String cell, int hidden, String init, String optimizer, double lr, double clip,
                  int tbptt, int batch, int steps, Double targetLoss) {

    /** A copy with another cell. */
    public Arm withCell(String id) {
        return new Arm(task, id, hidden, init, optimizer, lr, clip, tbptt, batch, steps, targetLoss);
    }

    /** A copy with another hidden size. */
    public Arm withHidden(int h) {
        return new Arm(task, cell, h, init, optimizer, lr, clip, tbptt, batch, steps, targetLoss);
    }

    /** A copy with another initialiser. */
    public Arm withInit(String id) {
        return new Arm(task, cell, hidden, id, optimizer, lr, clip, tbptt, batch, steps, targetLoss);
    }

    /** A copy with another clip. */
    public Arm withClip(double norm) {
        return new Arm(task, cell, hidden, init, optimizer, lr, norm, tbptt, batch, steps, targetLoss);
    }

    /** A copy with another truncation. */
    public Arm withTbptt(int length) {
        return new Arm(task, cell, hidden, init, optimizer, lr, clip, length, batch, steps, targetLoss);
    }

    /** A copy on another task. */
    public Arm onTask(String id) {
        return new Arm(id, cell, hidden, init, optimizer, lr, clip, tbptt, batch, steps, targetLoss);
    }

    /** The arm's units on {@code backends} and {@code seeds}. */
    public Matrix matrix(List<String> backends, List<Long> seeds) {
        return new Matrix(List.of(task), List.of(cell), backends, List.of(hidden), List.of(1), seeds, init, optimizer,
            lr, clip, tbptt, batch, steps, targetLoss);
    }

    /** The parameters of its unit on one backend and seed. */
    public RunParams params(String backend, long seed, int threads) {
        return new RunParams(task, backend, cell, hidden, 1, init, optimizer, lr, clip, tbptt, batch, steps, seed,
            threads);
    }

    /** A short label, e.g. {@code lstm H128 adding-T100}. */
    public String label() {
        return cell + " H" + hidden + " " + task + (init.equals("pytorch") ? "" : " init " + init)
            + (tbptt > 0 ? " tbptt " + tbptt : "");
    }
}
