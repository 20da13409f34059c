package org.rnnbench.harness.plan;

import java.util.ArrayList;
import java.util.List;

import org.rnnbench.core.run.RunParams;

/**
 * A grid of run units: every combination of tasks, cells, backends, hidden sizes, layer counts and seeds, with one
 * training setting. A suite is a list of matrices; an explicit {@code run --tasks ... --cells ...} is one matrix.
 * Ids are not checked here; {@link Planner} validates everything.
 *
 * @param tasks      task ids, e.g. {@code adding-T50}
 * @param cells      cell ids, e.g. {@code lstm}
 * @param backends   backend ids, e.g. {@code djl}
 * @param hidden     hidden sizes
 * @param layers     layer counts
 * @param seeds      seeds
 * @param init       initialiser id
 * @param optimizer  optimizer id
 * @param lr         learning rate
 * @param clip       global-norm clip, 0 for none
 * @param tbptt      truncated BPTT length, 0 for full
 * @param batch      batch size
 * @param steps      train steps
 * @param targetLoss the training loss counted as reached; null for each task's default
 *                   ({@link Planner#defaultTargetLoss}), NaN for none
 */
public record Matrix(List<String> tasks, List<String> cells, List<String> backends, List<Integer> hidden,
                     List<Integer> layers, List<Long> seeds, String init, String optimizer, double lr, double clip,
                     int tbptt, int batch, int steps, Double targetLoss) {

    /** Copies the lists. */
    public Matrix {
        tasks = List.copyOf(tasks);
        cells = List.copyOf(cells);
        backends = List.copyOf(backends);
        hidden = List.copyOf(hidden);
        layers = List.copyOf(layers);
        seeds = List.copyOf(seeds);
    }

    /** The same matrix on other backends. */
    public Matrix withBackends(List<String> ids) {
        return new Matrix(tasks, cells, ids, hidden, layers, seeds, init, optimizer, lr, clip, tbptt, batch, steps,
            targetLoss);
    }

    /** The same matrix with another target loss (null for each task's default). */
    public Matrix withTargetLoss(Double loss) {
        return new Matrix(tasks, cells, backends, hidden, layers, seeds, init, optimizer, lr, clip, tbptt, batch, steps,
            loss);
    }

    /** Every unit's parameters, backend-major (then task, cell, hidden, layers, seed). */
    public List<RunParams> params(int threads) {
        List<RunParams> list = new ArrayList<>();
        for (String backend : backends) {
            for (String task : tasks) {
                for (String cell : cells) {
                    for (int h : hidden) {
                        for (int l : layers) {
                            for (long seed : seeds) {
                                list.add(new RunParams(task, backend, cell, h, l, init, optimizer, lr, clip, tbptt,
                                    batch, steps, seed, threads));
                            }
                        }
                    }
                }
            }
        }
        return list;
    }
}
