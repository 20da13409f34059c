package org.rnnbench.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import org.rnnbench.harness.Main;
import org.rnnbench.harness.UsageException;
import org.rnnbench.harness.cluster.K8sManifests;
import org.rnnbench.harness.cluster.ShardNeeds;
import org.rnnbench.harness.cluster.ShardedSweep;
import org.rnnbench.harness.cluster.Shell;
import org.rnnbench.harness.plan.PlannedUnit;

/**
 * {@code rnnbench k8s}: a {@code run} (or {@code gradients}) sweep as a Kubernetes Indexed Job of N shard pods and
 * a merge Job, written to {@code OUT/k8s/} with a script that applies them in order (see {@link K8sManifests}).
 * It submits nothing itself.
 */
@Command(name = "k8s", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Write a sweep as a Kubernetes Indexed Job of N shard pods plus a merge Job (OUT/k8s/).",
        "Takes every option of 'rnnbench run' (or of 'rnnbench gradients' with --gradients) besides its own. The"
            + " pods share a persistent volume claim holding the results; OUT/k8s/submit.sh applies the shards,"
            + " waits for them to end and applies the merge."})
public final class K8sCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--image", required = true, paramLabel = "IMAGE",
        description = "Container image with rnnbench on its PATH.")
    String image;

    @Option(names = "--claim", paramLabel = "PVC", defaultValue = "rnnbench-results",
        description = "Persistent volume claim (ReadWriteMany) shared by the pods; default ${DEFAULT-VALUE}.")
    String claim;

    @Option(names = "--mount-path", paramLabel = "DIR", defaultValue = "/results",
        description = "Where the claim is mounted; the pods' results directory is DIR/<name>; default"
            + " ${DEFAULT-VALUE}.")
    String mountPath;

    @Option(names = "--parallelism", paramLabel = "P", description = "Shard pods running at once; default N.")
    Integer parallelism;

    @Option(names = "--cpu", paramLabel = "C", description = "CPUs of each shard pod; default --threads.")
    Integer cpu;

    @Option(names = "--memory", paramLabel = "M", description = "Memory of each shard pod, e.g. 4Gi; default 2Gi plus"
        + " the native memory its backends ask for (4Gi with a framework backend).")
    String memory;

    @Unmatched
    List<String> sweepArgs = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        int shards = cluster.shards();
        if (!mountPath.startsWith("/")) {
            throw new UsageException("--mount-path " + mountPath + ": not an absolute path; give one such as"
                + " /results");
        }
        if (memory != null && !memory.matches("\\d+(Ki|Mi|Gi|Ti|k|M|G|T)?")) {
            throw new UsageException("--memory " + memory + ": not a Kubernetes quantity; use e.g. 4096Mi or 4Gi");
        }
        if (parallelism != null && parallelism < 1 || cpu != null && cpu < 1) {
            throw new UsageException("--parallelism and --cpu must be at least 1, not " + parallelism + ", " + cpu);
        }
        ClusterSweep cs = ClusterSweep.parse("k8s", cluster.gradients, sweepArgs, shards);
        ShardedSweep local = cs.sweep();
        ShardedSweep inPods = new ShardedSweep(local.kind(), local.sweepArgs(),
            Path.of(mountPath).resolve(local.out().getFileName().toString()), local.name(), shards);
        List<String> backends = cs.plan().units().stream().map(u -> u.params().backend()).distinct().toList();
        String mem = memory != null ? memory
            : (long) Math.ceil(ShardNeeds.bytes(backends) / (1 << 20)) + "Mi";
        K8sManifests.Pods pods = new K8sManifests.Pods(image, claim, mountPath,
            parallelism != null ? parallelism : shards, cpu != null ? cpu : cs.threads(), mem);
        List<String> origin = new ArrayList<>(List.of("rnnbench"));
        origin.addAll(spec.commandLine().getParseResult().originalArgs());
        String from = "Written by: " + Shell.join(origin);
        Path dir = local.out().resolve("k8s");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(K8sManifests.SHARDS), K8sManifests.text(List.of(
            "The " + shards + " shards of an rnnbench " + local.kind() + " (" + cs.plan().units().size()
                + " units) as an Indexed Job: pod I runs shard I into " + inPods.out() + "/shards/I/.",
            from, "Apply with: kubectl apply -f " + K8sManifests.SHARDS + " (or run submit.sh)"),
            K8sManifests.shardsJob(inPods, pods)), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(K8sManifests.MERGE), K8sManifests.text(List.of(
            "Merges the shards into " + inPods.out() + " (exit 0 complete, 1 units missing); apply once the"
                + " shards' Job has ended.", from), K8sManifests.mergeJob(inPods, pods)), StandardCharsets.UTF_8);
        Path script = dir.resolve("submit.sh");
        Files.writeString(script, K8sManifests.submitScript(inPods), StandardCharsets.UTF_8);
        script.toFile().setExecutable(true);
        err.println("rnnbench: " + cs.plan().units().size() + " units in " + shards + " shard pods; manifests in "
            + dir + " (" + K8sManifests.SHARDS + ", " + K8sManifests.MERGE + ", submit.sh); results in "
            + inPods.out() + " on claim " + claim);
        return Main.EXIT_OK;
    }
}
