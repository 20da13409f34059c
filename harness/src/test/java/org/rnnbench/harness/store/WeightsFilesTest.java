package org.rnnbench.harness.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunRecordCodec;
import org.rnnbench.core.run.RunStatus;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.Init;
import org.rnnbench.core.weights.Initializer;
import org.rnnbench.harness.Main;
import org.rnnbench.harness.testing.Cli;

/** A corrupt initial-weights file is rewritten from the seed before its unit runs again. */
class WeightsFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aFileWithOtherBytesIsRewrittenAndAnIdenticalOneKept() throws IOException {
        CanonicalWeights w = Initializer.initialize(new CellSpec(CellType.GRU, 3, 4, 1), Init.PYTORCH, 5);
        Path file = tmp.resolve("weights/w.safetensors");
        assertTrue(WeightsFiles.ensure(file, w), "missing: written");
        byte[] good = Files.readAllBytes(file);
        assertFalse(WeightsFiles.ensure(file, w), "identical: kept");
        Files.write(file, Arrays.copyOf(good, good.length - 7));
        assertTrue(WeightsFiles.ensure(file, w), "truncated: rewritten");
        assertArrayEquals(good, Files.readAllBytes(file));
    }

    @Test
    void retryFailedRecoversAUnitWhoseWeightsFileIsCorrupt() throws IOException {
        Path out = tmp.resolve("r");
        String[] run = Cli.tinyRun(out, "gru");
        assertEquals(Main.EXIT_OK, Cli.run(run).code());
        Path weights;
        try (Stream<Path> s = Files.list(out.resolve("weights"))) {
            weights = s.findFirst().orElseThrow();
        }
        byte[] good = Files.readAllBytes(weights);
        RunStore store = new RunStore(out);
        String failed = RunRecordCodec.toJson(withStatus(store.records().get(0)));
        Files.writeString(store.file(), failed + "\n");
        Files.write(weights, Arrays.copyOf(good, good.length / 2));
        List<String> args = new ArrayList<>(List.of(run));
        args.add("--retry-failed");
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        assertEquals(RunStatus.OK, store.records().get(0).status(), r.err());
        assertArrayEquals(good, Files.readAllBytes(weights), "rewritten from the seed");
    }

    private static RunRecord withStatus(RunRecord r) {
        return new RunRecord(r.id(), r.params(), RunStatus.FAILED, "weights corrupt",
            r.encoding(), r.topology(), r.loss(), r.canonicalParameters(), r.nativeParameters(),
            r.trainFlopsPerStep(), new double[0], new long[0], r.primaryMetric(), r.higherIsBetter(), r.metrics(),
            r.chanceAnalytic(), r.chanceEmpirical(), r.targetLoss(), -1, Double.NaN, r.gradNormsInitial(),
            r.gradNormsTrained(), r.environment(), r.finishedAt());
    }
}
