package org.rnnbench.datasets.real;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.data.Batch;
import org.rnnbench.datasets.base.Example;
import org.rnnbench.datasets.base.Seeds;
import org.rnnbench.datasets.io.DigitsFile;
import org.rnnbench.datasets.io.JsbFile;
import org.rnnbench.datasets.io.ShakespeareFile;

/** The fixed splits of the real data: what trains, what is held out, and that the two never meet. */
class RealSplitsTest {

    @Test
    void shakespeareTrainsBeforeTheSplitAndEvaluatesEveryCharacterAfterIt() {
        ShakespeareCharTask task = new ShakespeareCharTask(100);
        int split = task.splitIndex();
        assertEquals((int) (ShakespeareFile.CHARACTERS * 0.9), split);
        SplittableRandom random = new SplittableRandom(5);
        int last = 0;
        for (int i = 0; i < 100_000; i++) {
            last = Math.max(last, task.trainWindowStart(random) + 100);
        }
        assertTrue(last <= split - 1, "a training target at " + last + " is not before the split " + split);
        assertTrue(last > split - 200, "training never reaches the end of its part: " + last);

        int[] ids = ShakespeareFile.load().ids();
        List<Example> evaluation = task.evaluation(0);
        int position = split;
        for (Example e : evaluation) {
            assertArrayEquals(Arrays.copyOfRange(ids, position, position + e.input().length()), e.input().ids());
            assertArrayEquals(Arrays.copyOfRange(ids, position + 1, position + 1 + e.target().length()),
                e.target().ids());
            position += e.input().length();
        }
        assertEquals(ids.length - 1, position, "the held-out windows must end at the last character");
        assertTrue(evaluation.get(evaluation.size() - 1).input().length() < 100, "the last window is shorter");
    }

    @Test
    void shakespeareTrainingBatchesAreTheDrawnWindows() {
        ShakespeareCharTask task = new ShakespeareCharTask(50);
        SplittableRandom random = Seeds.train(3, 11);
        Batch batch = task.trainBatch(3, 11, 4);
        for (int b = 0; b < 4; b++) {
            Example expected = task.window(task.trainWindowStart(random), 50);
            assertArrayEquals(expected.input().ids(), Arrays.copyOfRange(batch.input().ids(), b * 50, b * 50 + 50));
            assertArrayEquals(expected.target().ids(),
                Arrays.copyOfRange(batch.target().ids(), b * 50, b * 50 + 50));
        }
    }

    @Test
    void forecastTrainingNeverReadsAnObservationFromTheHeldOutPeriod() {
        for (ForecastTask task : List.of(new SunspotsTask(), new Co2Task())) {
            int split = task.split();
            SplittableRandom random = new SplittableRandom(1);
            int lowest = Integer.MAX_VALUE;
            int highest = 0;
            for (int i = 0; i < 20_000; i++) {
                int t = task.trainTarget(random);
                lowest = Math.min(lowest, t - task.window());
                highest = Math.max(highest, t);
            }
            assertEquals(0, lowest, task.id());
            assertEquals(split - 1, highest, task.id());
            assertEquals(task.values().length - split, task.evaluation(0).size(), task.id());
            Example firstHeldOut = task.example(split);
            assertEquals(firstHeldOut, task.evaluation(0).get(0), task.id());
        }
    }

    @Test
    void forecastTrainingBatchesAreTheDrawnWindows() {
        SunspotsTask task = new SunspotsTask();
        SplittableRandom random = Seeds.train(8, 2);
        Batch batch = task.trainBatch(8, 2, 3);
        for (int b = 0; b < 3; b++) {
            Example expected = task.example(task.trainTarget(random));
            assertArrayEquals(expected.input().values(),
                Arrays.copyOfRange(batch.input().values(), b * SunspotsTask.WINDOW, (b + 1) * SunspotsTask.WINDOW));
            assertEquals(expected.target().values()[0], batch.target().values()[b]);
        }
    }

    @Test
    void jsbEvaluatesTheTestSplitAndTrainsOnTheTrainSplitOnly() {
        JsbFile.Chorales chorales = JsbFile.load();
        JsbChoralesTask task = new JsbChoralesTask();
        Set<Example> train = new HashSet<>();
        for (int[][] c : chorales.train()) {
            train.add(JsbChoralesTask.example(c));
        }
        List<Example> evaluation = task.evaluation(0);
        assertEquals(JsbFile.TEST, evaluation.size());
        for (int i = 0; i < evaluation.size(); i++) {
            assertEquals(JsbChoralesTask.example(chorales.test().get(i)), evaluation.get(i));
            assertFalse(train.contains(evaluation.get(i)), "test chorale " + i + " is also a training chorale");
        }
        for (long step = 0; step < 50; step++) {
            Batch batch = task.trainBatch(1, step, 8);
            for (int b = 0; b < 8; b++) {
                int steps = batch.input().lengths()[b];
                float[] input = Arrays.copyOfRange(batch.input().values(), b * batch.input().time() * 88,
                    (b * batch.input().time() + steps) * 88);
                float[] target = Arrays.copyOfRange(batch.target().values(), b * batch.target().time() * 88,
                    (b * batch.target().time() + steps) * 88);
                assertTrue(train.contains(new Example(org.rnnbench.datasets.base.Track.values(88, input),
                    org.rnnbench.datasets.base.Track.values(88, target))), "a training sequence is not a chorale "
                    + "of the train split");
            }
        }
    }

    @Test
    void digitsAreSplitFiveFoldPerClassAndNeverShareAnImage() {
        DigitsTask task = new DigitsTask(DigitsTask.Layout.ROWS);
        int[] train = task.trainIndices();
        int[] evaluation = task.evaluationIndices();
        assertEquals(364, evaluation.length);
        assertEquals(DigitsFile.IMAGES, train.length + evaluation.length);
        int[] labels = DigitsFile.load().labels();
        int[] perClass = new int[10];
        for (int n : evaluation) {
            perClass[labels[n]]++;
        }
        for (int c = 0; c < 10; c++) {
            assertTrue(perClass[c] >= 35 && perClass[c] <= 37, "class " + c + ": " + perClass[c]);
        }
        Set<String> trainImages = new HashSet<>();
        int[] pixels = DigitsFile.load().pixels();
        for (int n : train) {
            trainImages.add(Arrays.toString(Arrays.copyOfRange(pixels, n * 64, n * 64 + 64)));
        }
        for (int n : evaluation) {
            assertFalse(trainImages.contains(Arrays.toString(Arrays.copyOfRange(pixels, n * 64, n * 64 + 64))),
                "held-out image " + n + " also trains");
        }
    }
}
