package org.rnnbench.core.run;

import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters that identify a run unit. Its id is deterministic from them, e.g.
 * {@code lstm[batch=32,clip=0,hidden=128,init=pytorch,layers=1,lr=0.001,opt=adam,steps=500,tbptt=0,threads=1]@djl/adding-T100/seed2}.
 *
 * @param task         task id
 * @param backend      backend id
 * @param cell         cell id
 * @param hidden       hidden size
 * @param layers       layers
 * @param init         initialiser id
 * @param optimizer    optimizer id
 * @param learningRate learning rate
 * @param clipNorm     global-norm clip, 0 for none
 * @param tbptt        truncated BPTT length, 0 for full
 * @param batchSize    batch size
 * @param steps        train steps
 * @param seed         seed
 * @param threads      backend threads
 */
public record RunParams(String task, String backend, String cell, int hidden, int layers, String init,
                        String optimizer, double learningRate, double clipNorm, int tbptt, int batchSize, int steps,
                        long seed, int threads) {

    /** The hyper-parameters other than task, backend, cell and seed, sorted by name. */
    public Map<String, String> hyperParameters() {
        Map<String, String> m = new TreeMap<>();
        m.put("batch", Integer.toString(batchSize));
        m.put("clip", number(clipNorm));
        m.put("hidden", Integer.toString(hidden));
        m.put("init", init);
        m.put("layers", Integer.toString(layers));
        m.put("lr", number(learningRate));
        m.put("opt", optimizer);
        m.put("steps", Integer.toString(steps));
        m.put("tbptt", Integer.toString(tbptt));
        m.put("threads", Integer.toString(threads));
        return m;
    }

    /** The deterministic run id. */
    public String id() {
        StringBuilder sb = new StringBuilder(cell).append('[');
        hyperParameters().forEach((k, v) -> sb.append(k).append('=').append(v).append(','));
        sb.setLength(sb.length() - 1);
        return sb.append("]@").append(backend).append('/').append(task).append("/seed").append(seed).toString();
    }

    /**
     * The id of the configuration without the backend: runs that must see identical weights and batches share
     * it.
     */
    public String unitKey() {
        return id().replace("]@" + backend + "/", "]/");
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
