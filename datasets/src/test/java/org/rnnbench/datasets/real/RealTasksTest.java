package org.rnnbench.datasets.real;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.datasets.base.Example;
import org.rnnbench.datasets.io.DigitsFile;
import org.rnnbench.datasets.io.JsbFile;

/** What the real-data tasks put in their sequences. */
class RealTasksTest {

    @Test
    void digitsAreReadRowByRowOrAllAtOnce() {
        int n = 3;
        int[] pixels = DigitsFile.load().pixels();
        float[] expected = new float[64];
        for (int p = 0; p < 64; p++) {
            expected[p] = pixels[n * 64 + p] / 16f;
        }
        Example rows = new DigitsTask(DigitsTask.Layout.ROWS).example(n);
        Example flat = new DigitsTask(DigitsTask.Layout.FLAT).example(n);
        assertEquals(8, rows.input().length());
        assertEquals(8, rows.input().width());
        assertEquals(1, flat.input().length());
        assertEquals(64, flat.input().width());
        assertArrayEquals(expected, rows.input().values());
        assertArrayEquals(expected, flat.input().values());
        assertEquals(DigitsFile.load().labels()[n], rows.target().ids()[0]);
    }

    @Test
    void choralesPredictTheNextStepsKeysOverVariableLengths() {
        int[][] chorale = JsbFile.load().train().get(0);
        Example e = JsbChoralesTask.example(chorale);
        assertEquals(chorale.length - 1, e.input().length());
        for (int t = 0; t < chorale.length; t++) {
            Set<Integer> sounding = new HashSet<>();
            for (int pitch : chorale[t]) {
                sounding.add(pitch - 21);
            }
            for (int k = 0; k < 88; k++) {
                float expected = sounding.contains(k) ? 1f : 0f;
                if (t < chorale.length - 1) {
                    assertEquals(expected, e.input().values()[t * 88 + k]);
                }
                if (t > 0) {
                    assertEquals(expected, e.target().values()[(t - 1) * 88 + k]);
                }
            }
        }
        Batch batch = new JsbChoralesTask().evaluationSet(0, 77).get(0);
        Set<Integer> lengths = new HashSet<>();
        for (int length : batch.target().lengths()) {
            lengths.add(length);
        }
        assertTrue(lengths.size() > 20, "lengths vary: " + lengths);
        assertEquals(batch.input().time(), batch.target().time());
    }

    @Test
    void sunspotsWindowsAreTheStandardisedYearsBeforeTheTarget() {
        SunspotsTask task = new SunspotsTask();
        double[] x = task.values();
        double mean = 0;
        for (int t = 0; t < task.split(); t++) {
            mean += x[t] / task.split();
        }
        assertEquals(0, mean, 1e-9, "standardised on the training years");
        Example e = task.example(100);
        for (int k = 0; k < SunspotsTask.WINDOW; k++) {
            assertEquals((float) x[80 + k], e.input().values()[k]);
        }
        assertEquals((float) x[100], e.target().values()[0]);
        assertEquals(247, task.split());
    }

    @Test
    void co2FeedsValuesRelativeToTheLastMeasurementAndTheWeeksToTheNextOne() {
        Co2Task task = new Co2Task();
        double[] x = task.values();
        assertEquals(2284 - 59, x.length);
        List<Example> evaluation = task.evaluation(0);
        Set<Float> gaps = new HashSet<>();
        int target = task.split();
        for (Example e : evaluation) {
            float[] in = e.input().values();
            int last = Co2Task.WINDOW - 1;
            assertEquals(0f, in[last * 2], "the last measurement is the reference");
            for (int k = 0; k < Co2Task.WINDOW; k++) {
                int j = target - Co2Task.WINDOW + k;
                assertEquals(task.week(j + 1) - task.week(j), in[k * 2 + 1]);
                assertEquals((float) (x[j] - x[target - 1]), in[k * 2], 1e-5f);
                gaps.add(in[k * 2 + 1]);
            }
            assertEquals((float) (x[target] - x[target - 1]), e.target().values()[0], 1e-5f);
            target++;
        }
        assertEquals(Set.of(1f), gaps, "the held-out years 1993-2001 miss no week");
        Set<Integer> trainingGaps = new HashSet<>();
        for (int j = 0; j + 1 < task.split(); j++) {
            trainingGaps.add(task.week(j + 1) - task.week(j));
        }
        assertEquals(Set.of(1, 2, 3, 4, 5, 6, 9, 19), trainingGaps);
    }

    @Test
    void persistenceReadsTheLastValidInputStep() {
        SunspotsTask task = new SunspotsTask();
        Batch batch = task.evaluationSet(0, 62).get(0);
        Sequences in = batch.input();
        float[] chance = task.chanceOutputs(batch);
        for (int b = 0; b < batch.size(); b++) {
            assertEquals(in.values()[b * in.time() + in.time() - 1], chance[b]);
        }
    }
}
