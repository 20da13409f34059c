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
 * One forward pass (loss and outputs, no gradient) per invocation, on the same models and batches as
 * {@link TrainStepBenchmark}. Returns the loss.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = BenchFlags.VECTOR_MODULE)
public class ForwardBenchmark {
    /** One forward pass. */
    @Benchmark
    public double forward(ModelState s) {
        return s.model.forward(s.data).loss();
    }
}
