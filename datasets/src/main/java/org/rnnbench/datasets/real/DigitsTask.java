package org.rnnbench.datasets.real;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.rnnbench.core.data.Metric;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.datasets.base.BaseTask;
import org.rnnbench.datasets.base.Chance;
import org.rnnbench.datasets.base.Example;
import org.rnnbench.datasets.base.Lazy;
import org.rnnbench.datasets.base.Track;
import org.rnnbench.datasets.io.DigitsFile;

/**
 * Classify the 8x8 handwritten digits (UCI, 1,797 images), pixels scaled to [0, 1]: read row by row as a sequence of
 * 8 steps of 8 pixels ({@code digits-rows}, many-to-one, a small sequential MNIST), or all 64 pixels in one step
 * ({@code digits-flat}, one-to-one, the non-recurrent control). Cross-entropy over 10 classes.
 *
 * <p>Split, fixed and stratified: the j-th image of each class in file order is held out when j is a multiple of
 * {@value #FOLDS} (364 images), the others train (1,433). Training batches draw training images uniformly with
 * replacement; the evaluation set is every held-out image in file order.
 *
 * <p>Chance predictor: uniform logits, loss ln 10, accuracy 1/10 (the arg-max is class 0; the classes are balanced
 * to within 3%).
 */
public final class DigitsTask extends BaseTask {
    /** One image in this many of each class is held out. */
    public static final int FOLDS = 5;
    private static final int SIDE = 8;

    /** How an image becomes a sequence. */
    public enum Layout {
        /** 8 steps of 8 pixels, many-to-one. */
        ROWS("digits-rows", "8x8 digits read row by row, 8 steps of 8 pixels (CE, chance 10%)", SIDE,
            Topology.MANY_TO_ONE),
        /** 1 step of 64 pixels, one-to-one. */
        FLAT("digits-flat", "8x8 digits, all 64 pixels in one step: the one-to-one control (CE, chance 10%)",
            SIDE * SIDE, Topology.ONE_TO_ONE);

        private final String id;
        private final String description;
        private final int width;
        private final Topology topology;

        Layout(String id, String description, int width, Topology topology) {
            this.id = id;
            this.description = description;
            this.width = width;
            this.topology = topology;
        }

        /** The task id. */
        public String id() {
            return id;
        }
    }

    /** Image indices of each part. */
    private record Split(int[] train, int[] evaluation) {
    }

    private final Layout layout;
    private final Lazy<Split> split = new Lazy<>(DigitsTask::split);

    /** The task with a layout. */
    public DigitsTask(Layout layout) {
        super(layout.id, layout.description, new InputEncoding.Dense(layout.width), layout.topology,
            LossType.SOFTMAX_CE, DigitsFile.CLASSES, Metric.ACCURACY);
        this.layout = layout;
    }

    private static Split split() {
        int[] labels = DigitsFile.load().labels();
        int[] seen = new int[DigitsFile.CLASSES];
        List<Integer> train = new ArrayList<>();
        List<Integer> evaluation = new ArrayList<>();
        for (int n = 0; n < labels.length; n++) {
            (seen[labels[n]]++ % FOLDS == 0 ? evaluation : train).add(n);
        }
        return new Split(train.stream().mapToInt(Integer::intValue).toArray(),
            evaluation.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The file indices of the training images. */
    public int[] trainIndices() {
        return split.get().train().clone();
    }

    /** The file indices of the held-out images. */
    public int[] evaluationIndices() {
        return split.get().evaluation().clone();
    }

    /** Image {@code n} of the file as an example. */
    Example example(int n) {
        DigitsFile.Digits digits = DigitsFile.load();
        float[] x = new float[DigitsFile.PIXELS];
        for (int p = 0; p < x.length; p++) {
            x[p] = digits.pixels()[n * DigitsFile.PIXELS + p] / (float) DigitsFile.MAX_PIXEL;
        }
        return new Example(Track.values(layout.width, x), Track.ids(DigitsFile.CLASSES, digits.labels()[n]));
    }

    @Override
    protected Example trainExample(SplittableRandom random) {
        int[] train = split.get().train();
        return example(train[random.nextInt(train.length)]);
    }

    @Override
    protected List<Example> evaluationExamples(long seed) {
        List<Example> examples = new ArrayList<>();
        for (int n : split.get().evaluation()) {
            examples.add(example(n));
        }
        return examples;
    }

    @Override
    public Map<String, Double> analyticChance() {
        return Chance.uniform(DigitsFile.CLASSES, 1);
    }
}
