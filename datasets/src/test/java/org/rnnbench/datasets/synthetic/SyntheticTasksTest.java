package org.rnnbench.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Sequences;

/** What each generator puts in its sequences. */
class SyntheticTasksTest {
    private static final int B = 64;

    @Test
    void addingMarksOneValueInEachHalfAndTargetsTheirSum() {
        int time = 9;
        Batch batch = new AddingTask(time).trainBatch(1, 0, B);
        float[] x = batch.input().values();
        for (int b = 0; b < B; b++) {
            int[] marked = new int[2];
            int count = 0;
            float sum = 0;
            for (int t = 0; t < time; t++) {
                float v = x[(b * time + t) * 2];
                assertTrue(v >= 0f && v <= 1f);
                if (x[(b * time + t) * 2 + 1] == 1f) {
                    marked[Math.min(count++, 1)] = t;
                    sum += v;
                }
            }
            assertEquals(2, count);
            assertTrue(marked[0] < time / 2 && marked[1] >= time / 2);
            assertEquals(sum, batch.target().values()[b], 1e-6f);
        }
    }

    @Test
    void copyAsksForTheSymbolsAfterTheDelimiter() {
        int time = 7;
        int k = 5;
        Batch batch = new CopyMemoryTask(time, k).trainBatch(2, 0, B);
        int length = time + 20;
        assertEquals(length, batch.input().time());
        for (int b = 0; b < B; b++) {
            int[] in = Arrays.copyOfRange(batch.input().ids(), b * length, (b + 1) * length);
            int[] out = Arrays.copyOfRange(batch.target().ids(), b * length, (b + 1) * length);
            for (int s = 0; s < 10; s++) {
                assertTrue(in[s] >= 1 && in[s] <= k);
                assertEquals(in[s], out[time + 10 + s]);
            }
            assertEquals(k + 1, in[time + 9]);
            for (int t = 10; t < length; t++) {
                assertEquals(t == time + 9 ? k + 1 : 0, in[t]);
            }
            for (int t = 0; t < time + 10; t++) {
                assertEquals(0, out[t]);
            }
        }
    }

    @Test
    void temporalOrderLabelsTheOrderOfXAndYInVariableLengths() {
        Batch batch = new TemporalOrderTask().trainBatch(3, 0, B);
        Sequences in = batch.input();
        Set<Integer> lengths = new HashSet<>();
        for (int b = 0; b < B; b++) {
            int length = in.lengths()[b];
            lengths.add(length);
            assertTrue(length >= 100 && length <= 110);
            int[] x = Arrays.copyOfRange(in.ids(), b * in.time(), b * in.time() + length);
            assertEquals(6, x[0]);
            assertEquals(7, x[length - 1]);
            int label = 0;
            int found = 0;
            for (int t = 0; t < length; t++) {
                if (x[t] == 4 || x[t] == 5) {
                    assertTrue(found == 0 ? t >= 10 && t <= 20 : t >= 50 && t <= 60, "X/Y at " + t);
                    label = 2 * label + (x[t] - 4);
                    found++;
                }
            }
            assertEquals(2, found);
            assertEquals(label, batch.target().ids()[b]);
            for (int t = length; t < in.time(); t++) {
                assertEquals(0, in.ids()[b * in.time() + t], "padding holds id 0");
            }
        }
        assertTrue(lengths.size() > 5, "lengths vary: " + lengths);
    }

    @Test
    void parityIsTheSumOfOneToTBitsModuloTwo() {
        Batch batch = new ParityTask(12).trainBatch(4, 0, 256);
        Sequences in = batch.input();
        Set<Integer> lengths = new HashSet<>();
        for (int b = 0; b < 256; b++) {
            int length = in.lengths()[b];
            lengths.add(length);
            int sum = Arrays.stream(in.ids(), b * in.time(), b * in.time() + length).sum();
            assertEquals(sum % 2, batch.target().ids()[b]);
        }
        assertEquals(12, lengths.size(), "every length 1..12 occurs: " + lengths);
        assertEquals(12, in.time());
    }

    @Test
    void transcriptionFeedsTheStartTokenThenTheTargetShiftedRight() {
        for (TranscriptionTask.Kind kind : TranscriptionTask.Kind.values()) {
            TranscriptionTask task = new TranscriptionTask(kind, 6);
            assertTrue(task.greedyDecoding());
            Batch batch = task.trainBatch(5, 0, B);
            assertEquals(11, batch.decoderInput().width());
            assertEquals(10, batch.target().width());
            for (int b = 0; b < B; b++) {
                int[] source = Arrays.copyOfRange(batch.input().ids(), b * 6, b * 6 + 6);
                int[] target = Arrays.copyOfRange(batch.target().ids(), b * 6, b * 6 + 6);
                int[] decoder = Arrays.copyOfRange(batch.decoderInput().ids(), b * 6, b * 6 + 6);
                int[] expected = source.clone();
                if (kind == TranscriptionTask.Kind.SORT) {
                    Arrays.sort(expected);
                } else {
                    for (int t = 0; t < 6; t++) {
                        expected[t] = source[5 - t];
                    }
                }
                assertArrayEquals(expected, target);
                assertEquals(TranscriptionTask.START, decoder[0]);
                assertArrayEquals(Arrays.copyOf(target, 5), Arrays.copyOfRange(decoder, 1, 6));
            }
        }
    }

    @Test
    void sineGenerationTargetsTheSineOfItsInput() {
        Batch batch = new SineGenerationTask().trainBatch(6, 0, B);
        assertEquals(1, batch.input().time());
        assertEquals(SineGenerationTask.STEPS, batch.target().time());
        for (int b = 0; b < B; b++) {
            float[] in = Arrays.copyOfRange(batch.input().values(), b * 3, b * 3 + 3);
            double frequency = 1.0 / 40 + (in[0] + 1) / 2 * (1.0 / 10 - 1.0 / 40);
            double phase = Math.atan2(in[1], in[2]);
            for (int t = 0; t < SineGenerationTask.STEPS; t++) {
                assertEquals(Math.sin(2 * Math.PI * frequency * t + phase),
                    batch.target().values()[b * SineGenerationTask.STEPS + t], 1e-4);
            }
        }
    }

    @Test
    void dnaIsLabelledByTheMotifAndVariesInLength() {
        Batch batch = new DnaMotifTask().trainBatch(7, 0, 256);
        Sequences in = batch.input();
        Set<Integer> lengths = new HashSet<>();
        int positives = 0;
        for (int b = 0; b < 256; b++) {
            int length = in.lengths()[b];
            lengths.add(length);
            assertTrue(length >= DnaMotifTask.MIN_LENGTH && length <= DnaMotifTask.MAX_LENGTH);
            int[] bases = Arrays.copyOfRange(in.ids(), b * in.time(), b * in.time() + length);
            int label = batch.target().ids()[b];
            assertEquals(label == 1, DnaMotifTask.contains(bases));
            positives += label;
        }
        assertTrue(lengths.size() > 30);
        assertTrue(positives > 96 && positives < 160, positives + " positives of 256");
    }

    @Test
    void irregularSinesTargetTheNextObservationAfterAnIrregularGap() {
        Batch batch = new IrregularSinesTask().trainBatch(8, 0, B);
        int steps = IrregularSinesTask.STEPS;
        Set<Float> gaps = new HashSet<>();
        for (int b = 0; b < B; b++) {
            for (int i = 0; i < steps; i++) {
                float gap = batch.input().values()[(b * steps + i) * 4 + 3];
                assertTrue(gap >= 0.2f && gap <= 2f);
                gaps.add(gap);
                if (i + 1 < steps) {
                    for (int c = 0; c < 3; c++) {
                        assertEquals(batch.input().values()[(b * steps + i + 1) * 4 + c],
                            batch.target().values()[(b * steps + i) * 3 + c]);
                    }
                }
            }
        }
        assertTrue(gaps.size() > B * steps / 2, "gaps are irregular");
    }

    @Test
    void eventsTargetTheNextEventsTypeAndFollowTheGapRule() {
        Batch batch = new EventSequenceTask().trainBatch(9, 0, 256);
        Sequences in = batch.input();
        int width = EventSequenceTask.TYPES + 1;
        int likely = 0;
        int total = 0;
        for (int b = 0; b < 256; b++) {
            int length = in.lengths()[b];
            assertTrue(length >= EventSequenceTask.MIN_EVENTS && length <= EventSequenceTask.MAX_EVENTS);
            for (int i = 0; i < length; i++) {
                int row = (b * in.time() + i) * width;
                int type = 0;
                while (in.values()[row + type] != 1f) {
                    type++;
                }
                float gap = in.values()[row + EventSequenceTask.TYPES];
                assertTrue(gap > 0f);
                int next = batch.target().ids()[b * in.time() + i];
                if (i + 1 < length) {
                    assertEquals(1f, in.values()[(b * in.time() + i + 1) * width + next]);
                }
                int expected = Math.floorMod(type + (gap < Math.log(2) ? 1 : -1), EventSequenceTask.TYPES);
                likely += next == expected ? 1 : 0;
                total++;
            }
        }
        double rate = (double) likely / total;
        assertTrue(rate > 0.67 && rate < 0.73, "the likely transition happens at rate " + rate);
    }
}
