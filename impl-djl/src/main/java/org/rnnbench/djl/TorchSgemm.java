package org.rnnbench.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.rnnbench.core.backend.Sgemm;

/**
 * libtorch's matmul (MKL's sgemm on linux-x86_64) through DJL, a new C per call as DJL gives it, on the engine of
 * {@link DjlEngine} loaded with one thread unless it was loaded before.
 */
final class TorchSgemm implements Sgemm {

    @Override
    public Product prepare(int m, int k, int n, float[] a, float[] b) {
        NDManager manager = DjlEngine.get(1).newBaseManager();
        NDArray torchA = manager.create(a, new Shape(m, k));
        NDArray torchB = manager.create(b, new Shape(k, n));
        return new Product() {
            @Override
            public float multiply() {
                try (NDArray c = torchA.matMul(torchB)) {
                    return c.size();
                }
            }

            @Override
            public void close() {
                manager.close();
            }
        };
    }
}
