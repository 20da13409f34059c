package org.rnnbench.core.weights;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Initialisation schemes, applied once in core so that every backend starts from the same weights. For every
 * layer, {@code weight_ih} is (G*H, I) and {@code weight_hh} is (G*H, H); the per-gate schemes apply to each of the
 * G blocks of H rows separately.
 *
 * <ul>
 *   <li>{@link #PYTORCH}: every recurrent weight and bias U(-1/sqrt(H), 1/sqrt(H)) as {@code nn.RNN/LSTM/GRU};
 *       head weight and bias U(-1/sqrt(H), 1/sqrt(H)) as {@code nn.Linear}; embedding N(0, 1) as
 *       {@code nn.Embedding}.</li>
 *   <li>{@link #XAVIER}: Glorot uniform U(-a, a), a = sqrt(6/(fan_in + fan_out)) per gate block and for the head;
 *       biases 0.</li>
 *   <li>{@link #KAIMING}: He normal N(0, 2/fan_in) per gate block and for the head; biases 0.</li>
 *   <li>{@link #ORTHOGONAL}: each recurrent gate block a random orthogonal matrix (Saxe et al. 2014), input
 *       weights and head Glorot uniform; biases 0.</li>
 *   <li>{@link #IDENTITY}: each recurrent gate block the identity (IRNN, Le et al. 2015), input weights
 *       N(0, 0.001^2), head Glorot uniform; biases 0.</li>
 * </ul>
 * Embeddings are N(0, 1) under every scheme.
 */
public enum Init {
    /** PyTorch's defaults. */
    PYTORCH("pytorch"),
    /** Glorot/Xavier uniform. */
    XAVIER("xavier"),
    /** He/Kaiming normal. */
    KAIMING("kaiming"),
    /** Orthogonal recurrent matrices. */
    ORTHOGONAL("orthogonal"),
    /** Identity recurrent matrices (IRNN). */
    IDENTITY("identity");

    private final String id;

    Init(String id) {
        this.id = id;
    }

    /** The id used on the command line. */
    public String id() {
        return id;
    }

    /** Parses an id, naming the known ones on failure. */
    public static Init parse(String text) {
        String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Init i : values()) {
            if (i.id.equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown initialiser '" + text + "'; known: "
            + Arrays.stream(values()).map(Init::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
