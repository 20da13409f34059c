package org.rnnbench.datasets;

import java.util.List;
import java.util.stream.Collectors;

import org.rnnbench.core.data.SequenceTask;
import org.rnnbench.datasets.TaskPattern.Parameter;
import org.rnnbench.datasets.real.Co2Task;
import org.rnnbench.datasets.real.DigitsTask;
import org.rnnbench.datasets.real.JsbChoralesTask;
import org.rnnbench.datasets.real.ShakespeareCharTask;
import org.rnnbench.datasets.real.SunspotsTask;
import org.rnnbench.datasets.synthetic.AddingTask;
import org.rnnbench.datasets.synthetic.CopyMemoryTask;
import org.rnnbench.datasets.synthetic.DnaMotifTask;
import org.rnnbench.datasets.synthetic.EventSequenceTask;
import org.rnnbench.datasets.synthetic.IrregularSinesTask;
import org.rnnbench.datasets.synthetic.ParityTask;
import org.rnnbench.datasets.synthetic.SineGenerationTask;
import org.rnnbench.datasets.synthetic.TemporalOrderTask;
import org.rnnbench.datasets.synthetic.TranscriptionTask;

/**
 * Every task of the benchmark by id. An id is a pattern with its integer parameters filled in ({@code adding-T200},
 * {@code copy-T100-K8}) or a fixed name ({@code jsb-chorales}). Making a task reads no data; real data is read
 * when the task first needs it.
 */
public final class TaskRegistry {
    private static final List<TaskPattern> PATTERNS = List.of(
        new TaskPattern("adding-T{T}", "adding problem: sum of the two marked values among T (many-to-one, MSE)",
            "adding-T200", List.of(new Parameter("T", AddingTask.MIN_T, AddingTask.MAX_T)),
            p -> new AddingTask(p[0])),
        new TaskPattern("copy-T{T}-K{K}", "copy memory: repeat 10 symbols of K categories after T blank steps "
                + "(many-to-many, CE)", "copy-T100-K8",
            List.of(new Parameter("T", CopyMemoryTask.MIN_T, CopyMemoryTask.MAX_T),
                new Parameter("K", CopyMemoryTask.MIN_K, CopyMemoryTask.MAX_K)),
            p -> new CopyMemoryTask(p[0], p[1])),
        TaskPattern.fixed("temporal-order", "temporal order of X/Y in sequences of 100-110 symbols (many-to-one, CE)",
            TemporalOrderTask::new),
        new TaskPattern("parity-T{T}", "parity of 1 to T random bits, variable length (many-to-one, CE)", "parity-T10",
            List.of(new Parameter("T", ParityTask.MIN_T, ParityTask.MAX_T)), p -> new ParityTask(p[0])),
        new TaskPattern("reverse-T{T}", "reverse a string of T digits (encoder-decoder, CE, greedy evaluation)",
            "reverse-T10", List.of(new Parameter("T", TranscriptionTask.MIN_T, TranscriptionTask.MAX_T)),
            p -> new TranscriptionTask(TranscriptionTask.Kind.REVERSE, p[0])),
        new TaskPattern("sort-T{T}", "sort a string of T digits (encoder-decoder, CE, greedy evaluation)",
            "sort-T10", List.of(new Parameter("T", TranscriptionTask.MIN_T, TranscriptionTask.MAX_T)),
            p -> new TranscriptionTask(TranscriptionTask.Kind.SORT, p[0])),
        TaskPattern.fixed("sine-generation", "generate 50 steps of a sine from its frequency and phase (one-to-many, "
            + "MSE)", SineGenerationTask::new),
        TaskPattern.fixed("dna-motif", "does random DNA of 40-120 bases contain TATAAT (many-to-one, CE)",
            DnaMotifTask::new),
        TaskPattern.fixed("sines-irregular", "forecast 3 noisy sums of sines at irregular times, the gap an input "
            + "(many-to-many, MSE)", IrregularSinesTask::new),
        TaskPattern.fixed("events", "predict the next event type from types and timestamps (many-to-many, CE)",
            EventSequenceTask::new),
        new TaskPattern("shakespeare-char-T{T}", "Tiny Shakespeare character language model on windows of T "
                + "(many-to-many, CE, bits per char)", "shakespeare-char-T100",
            List.of(new Parameter("T", 1, ShakespeareCharTask.MAX_T)), p -> new ShakespeareCharTask(p[0])),
        TaskPattern.fixed("jsb-chorales", "JSB Chorales piano rolls, next step's 88 keys (many-to-many, sigmoid BCE, "
            + "NLL per step)", JsbChoralesTask::new),
        TaskPattern.fixed("sunspots", "forecast next year's sunspots from 20 years (many-to-one, MSE)",
            SunspotsTask::new),
        TaskPattern.fixed("co2", "forecast weekly Mauna Loa CO2 with missing weeks as irregular sampling "
            + "(many-to-one, MSE)", Co2Task::new),
        TaskPattern.fixed("digits-rows", "8x8 digits read row by row (many-to-one, CE)",
            () -> new DigitsTask(DigitsTask.Layout.ROWS)),
        TaskPattern.fixed("digits-flat", "8x8 digits as 64 pixels in one step (one-to-one, CE)",
            () -> new DigitsTask(DigitsTask.Layout.FLAT)));

    private TaskRegistry() {
    }

    /** The id patterns, in listing order. */
    public static List<TaskPattern> patterns() {
        return PATTERNS;
    }

    /** The patterns, comma separated. */
    public static String patternList() {
        return PATTERNS.stream().map(TaskPattern::pattern).collect(Collectors.joining(", "));
    }

    /**
     * The task of an id.
     *
     * @throws IllegalArgumentException in one line: for an unknown or malformed id, the known patterns; for a
     *                                  parameter out of range, the value and the valid range
     */
    public static SequenceTask create(String id) {
        String key = id == null ? "" : id.strip();
        for (TaskPattern p : PATTERNS) {
            var task = p.create(key);
            if (task.isPresent()) {
                return task.get();
            }
        }
        throw new IllegalArgumentException("unknown task id '" + id + "'; known patterns: " + patternList());
    }
}
