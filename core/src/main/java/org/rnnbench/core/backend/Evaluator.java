package org.rnnbench.core.backend;

import java.util.List;
import java.util.Map;

import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.LossFunctions;
import org.rnnbench.core.data.MetricAccumulator;
import org.rnnbench.core.data.SequenceTask;
import org.rnnbench.core.data.Sequences;

/**
 * Scores a model on a task's evaluation set with {@link MetricAccumulator}, the same code for every backend. For a
 * task that asks for greedy decoding, the decoder reads its own previous arg-max prediction instead of the true
 * previous token: step t's input is fixed by running the model forward with inputs 0..t known, so any backend
 * that implements {@link SequenceModel#forward} decodes the same way.
 */
public final class Evaluator {
    private Evaluator() {
    }

    /** The metrics of {@code model} on {@code batches}. */
    public static Map<String, Double> evaluate(SequenceModel model, SequenceTask task, List<Batch> batches) {
        MetricAccumulator acc = new MetricAccumulator(task.loss());
        for (Batch batch : batches) {
            float[] outputs = task.greedyDecoding() ? greedyOutputs(model, batch) : model.forward(batch).outputs();
            acc.add(batch.target(), outputs);
        }
        return acc.result();
    }

    /**
     * The outputs of free-running greedy decoding: decoder input t+1 is the arg-max output at step t; input 0
     * (the start token) is kept.
     */
    public static float[] greedyOutputs(SequenceModel model, Batch batch) {
        Sequences dec = batch.decoderInput();
        if (dec == null || !dec.isIds() || !batch.target().isIds()) {
            throw new IllegalArgumentException("greedy decoding needs token decoder inputs and class targets");
        }
        int b = dec.batch();
        int time = dec.time();
        int classes = batch.target().width();
        if (classes > dec.width()) {
            throw new IllegalArgumentException("greedy decoding feeds predicted classes back as tokens, but there are "
                + classes + " classes and only " + dec.width() + " tokens");
        }
        int[] ids = dec.ids().clone();
        float[] outputs = null;
        for (int t = 0; t < time; t++) {
            Sequences current = Sequences.ids(b, time, dec.width(), ids.clone(), dec.lengths());
            outputs = model.forward(new Batch(batch.input(), current, batch.target())).outputs();
            if (t + 1 < time) {
                for (int s = 0; s < b; s++) {
                    ids[s * time + t + 1] = LossFunctions.argMax(outputs, (s * time + t) * classes, classes);
                }
            }
        }
        return outputs;
    }
}
