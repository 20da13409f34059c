package org.rnnbench.harness.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One train step (forward, BPTT, clipping, Adam) per invocation, for every backend x cell x (hidden, batch,
 * sequence length) of {@link ModelState}; each parameter combination in its own fork, so one backend per JVM.
 * Returns the loss so that nothing is optimised away.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = BenchFlags.VECTOR_MODULE)
public class TrainStepBenchmark {
    /** One train step. */
    @Benchmark
    public double trainStep(ModelState s) {
        return s.model.trainStep(s.data);
    }
}
