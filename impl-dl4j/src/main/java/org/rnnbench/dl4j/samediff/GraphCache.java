package org.rnnbench.dl4j.samediff;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnbench.core.spec.ModelSpec;

/**
 * The process's SameDiff graphs, shared by every model of the same spec, layer kind and shape: building a graph
 * and above all its gradient function costs far more than a step (seconds at T = 100), and repeated runs of one
 * configuration (seeds, repetitions, fresh models in tests) need the same graph. A graph holds no weights of its
 * own: each call binds the calling model's arrays ({@link ModelGraph#bind}). The least recently used graph is
 * dropped beyond {@value #CAPACITY}.
 */
final class GraphCache {
    /** Graphs kept. */
    static final int CAPACITY = 24;

    private record Key(ModelSpec spec, LayerKind kind, GraphShape shape) {
    }

    private static final Map<Key, ModelGraph> GRAPHS = new LinkedHashMap<>(32, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, ModelGraph> eldest) {
            return size() > CAPACITY;
        }
    };

    private GraphCache() {
    }

    /** The graph of a spec, kind and shape, built with {@code params} as its first variables when missing. */
    static synchronized ModelGraph get(ModelSpec spec, LayerKind kind, GraphShape shape,
                                       Map<String, INDArray> params) {
        return GRAPHS.computeIfAbsent(new Key(spec, kind, shape), k -> new ModelGraph(spec, kind, shape, params));
    }
}
