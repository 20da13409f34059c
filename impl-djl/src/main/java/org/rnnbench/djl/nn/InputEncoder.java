package org.rnnbench.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.InputEncoding;

/**
 * Turns a window of raw sequences into x (B, T', I) as {@link InputEncoding} defines it: dense values as given,
 * token ids as one-hot rows, or rows of the learned embedding (torch {@code embedding}, whose gradient is the dense
 * (vocab, dim) canonical layout).
 */
final class InputEncoder {
    private final InputEncoding encoding;
    private final NDArray embedding;

    /**
     * @param embedding the (vocab, dim) matrix for {@link InputEncoding.Embedding}, otherwise null
     */
    InputEncoder(InputEncoding encoding, NDArray embedding) {
        this.encoding = encoding;
        this.embedding = embedding;
    }

    /** x of steps [from, to) of {@code s}: (B, to-from, I) in {@code scope}. */
    NDArray encode(NDManager scope, Sequences s, int from, int to) {
        int batch = s.batch();
        int steps = to - from;
        if (!encoding.tokens()) {
            return Nd.values(scope, Windows.values(s, from, to), batch, steps, s.width());
        }
        NDArray ids = scope.create(Windows.ids(s, from, to), new Shape(batch, steps));
        if (embedding == null) {
            return ids.oneHot(encoding.vocab(), Nd.FLOAT);
        }
        return ids.getNDArrayInternal().embedding(ids, embedding, SparseFormat.DENSE).singletonOrThrow();
    }
}
