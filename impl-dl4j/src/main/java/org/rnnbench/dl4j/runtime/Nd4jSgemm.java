package org.rnnbench.dl4j.runtime;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnbench.core.backend.Sgemm;

/**
 * ND4J's gemm (OpenBLAS's sgemm on linux-x86_64) into a C allocated once, on one thread: {@link Threads} caps ND4J
 * at one, and OpenBLAS's own pool is the size {@code OMP_NUM_THREADS} gave it when it loaded.
 */
public final class Nd4jSgemm implements Sgemm {

    @Override
    public Product prepare(int m, int k, int n, float[] a, float[] b) {
        Threads.apply(1);
        INDArray ndA = Nd4j.create(a, new long[] {m, k}, 'c');
        INDArray ndB = Nd4j.create(b, new long[] {k, n}, 'c');
        INDArray ndC = Nd4j.create(DataType.FLOAT, new long[] {m, n}, 'c');
        return new Product() {
            @Override
            public float multiply() {
                return Nd4j.gemm(ndA, ndB, ndC, false, false, 1.0, 0.0).length();
            }

            @Override
            public void close() {
                ndA.close();
                ndB.close();
                ndC.close();
            }
        };
    }
}
