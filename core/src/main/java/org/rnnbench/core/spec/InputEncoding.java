package org.rnnbench.core.spec;

/**
 * How a task's raw input becomes the vector x_t that the first recurrent layer reads.
 *
 * <ul>
 *   <li>{@link Dense}: real features, x_t is the F values as given.</li>
 *   <li>{@link OneHot}: token ids in [0, vocab), x_t is the one-hot vector of size vocab (no parameters).</li>
 *   <li>{@link Embedding}: token ids, x_t is row id of a learned matrix {@code embedding.weight} (vocab, dim).</li>
 * </ul>
 */
public sealed interface InputEncoding {

    /** The size of x_t, the first layer's input size. */
    int inputSize();

    /** True when the raw input is token ids rather than real values. */
    boolean tokens();

    /** The vocabulary size for token encodings, 0 for dense input. */
    int vocab();

    /** Short description for run names, e.g. {@code dense3}, {@code onehot65}, {@code embed65x32}. */
    String id();

    /** Real-valued features. */
    record Dense(int features) implements InputEncoding {
        /** Validates the feature count. */
        public Dense {
            Check.positive("features", features);
        }

        @Override
        public int inputSize() {
            return features;
        }

        @Override
        public boolean tokens() {
            return false;
        }

        @Override
        public int vocab() {
            return 0;
        }

        @Override
        public String id() {
            return "dense" + features;
        }
    }

    /** Token ids read as one-hot vectors. */
    record OneHot(int vocab) implements InputEncoding {
        /** Validates the vocabulary size. */
        public OneHot {
            Check.positive("vocab", vocab);
        }

        @Override
        public int inputSize() {
            return vocab;
        }

        @Override
        public boolean tokens() {
            return true;
        }

        @Override
        public String id() {
            return "onehot" + vocab;
        }
    }

    /** Token ids looked up in a learned embedding matrix. */
    record Embedding(int vocab, int dim) implements InputEncoding {
        /** Validates both sizes. */
        public Embedding {
            Check.positive("vocab", vocab);
            Check.positive("embedding dim", dim);
        }

        @Override
        public int inputSize() {
            return dim;
        }

        @Override
        public boolean tokens() {
            return true;
        }

        @Override
        public String id() {
            return "embed" + vocab + "x" + dim;
        }
    }
}
