package org.rnnbench.harness.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.GsonBuilder;

/**
 * The Kubernetes side of a sharded sweep: an Indexed Job whose pod {@code I} runs shard I of N
 * ({@code rnnbench run ... --shard env --shards N} reads I from {@code JOB_COMPLETION_INDEX}), and a merge Job to
 * apply once the shards' Job has ended. Both pods mount the same persistent volume claim, where the results
 * directory lives. The manifests are written as JSON, which is YAML too ({@code kubectl apply -f} reads it), under
 * a few comment lines.
 */
public final class K8sManifests {
    /** The Indexed Job's file name. */
    public static final String SHARDS = "shards.yaml";
    /** The merge Job's file name. */
    public static final String MERGE = "merge.yaml";

    private K8sManifests() {
    }

    /**
     * Where the pods run and what each asks for.
     *
     * @param image       the container image holding rnnbench (the command {@code rnnbench} on its PATH)
     * @param claim       the persistent volume claim with the results, shared by all pods
     * @param mountPath   where the claim is mounted in the pods; the sweep's results directory lies below it
     * @param parallelism how many shard pods may run at once
     * @param cpu         the CPUs of one shard pod
     * @param memory      the memory of one shard pod in Kubernetes' form (say {@code 4096Mi})
     */
    public record Pods(String image, String claim, String mountPath, int parallelism, int cpu, String memory) {
    }

    /** A Job name: lower-case letters, digits and '-', at most 52 characters (room for pod suffixes). */
    public static String jobName(String name) {
        String s = ("rnnbench-" + name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        s = s.length() > 52 ? s.substring(0, 52) : s;
        return s.replaceAll("-+$", "");
    }

    /** The Indexed Job of the shards; {@code sweep.out()} is the results directory as the pods see it. */
    public static Map<String, Object> shardsJob(ShardedSweep sweep, Pods pods) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("completionMode", "Indexed");
        spec.put("completions", sweep.shards());
        spec.put("parallelism", Math.min(pods.parallelism(), sweep.shards()));
        spec.put("backoffLimit", sweep.shards());
        List<String> command = sweep.shardCommand("rnnbench", "--shard", "env", "--shards",
            Integer.toString(sweep.shards()));
        Map<String, Object> resources = Map.of("cpu", Integer.toString(pods.cpu()), "memory", pods.memory());
        spec.put("template", podTemplate(pods, command, Map.of("requests", resources, "limits", resources)));
        return job(jobName(sweep.name()), sweep, spec);
    }

    /** The merge Job: {@code rnnbench merge OUT}, not retried (exit 1 means units are missing). */
    public static Map<String, Object> mergeJob(ShardedSweep sweep, Pods pods) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("backoffLimit", 0);
        Map<String, Object> resources = Map.of("cpu", "1", "memory", "2Gi");
        spec.put("template", podTemplate(pods, sweep.mergeCommand("rnnbench"),
            Map.of("requests", resources, "limits", resources)));
        return job(jobName(sweep.name()) + "-merge", sweep, spec);
    }

    /** A manifest as file text: comment lines, then the object as indented JSON. */
    public static String text(List<String> comments, Map<String, Object> manifest) {
        StringBuilder sb = new StringBuilder();
        for (String c : comments) {
            sb.append("# ").append(c).append('\n');
        }
        sb.append(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(manifest));
        return sb.append('\n').toString();
    }

    private static Map<String, Object> job(String name, ShardedSweep sweep, Map<String, Object> spec) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("apiVersion", "batch/v1");
        job.put("kind", "Job");
        job.put("metadata", Map.of("name", name, "labels", Map.of("app.kubernetes.io/name", "rnnbench",
            "rnnbench/sweep", jobName(sweep.name()))));
        job.put("spec", spec);
        return job;
    }

    private static Map<String, Object> podTemplate(Pods pods, List<String> command, Map<String, Object> resources) {
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", "rnnbench");
        container.put("image", pods.image());
        container.put("command", new ArrayList<>(command));
        container.put("resources", resources);
        container.put("volumeMounts", List.of(Map.of("name", "results", "mountPath", pods.mountPath())));
        Map<String, Object> podSpec = new LinkedHashMap<>();
        podSpec.put("restartPolicy", "Never");
        podSpec.put("containers", List.of(container));
        podSpec.put("volumes", List.of(Map.of("name", "results", "persistentVolumeClaim",
            Map.of("claimName", pods.claim()))));
        return Map.of("spec", podSpec);
    }

    /**
     * A script that applies the shards' Job, waits until it has ended (complete or failed) and applies the merge
     * Job, then waits for the merge and prints its log; run from the directory of the manifests.
     */
    public static String submitScript(ShardedSweep sweep) {
        String shards = jobName(sweep.name());
        String merge = shards + "-merge";
        return String.join("\n",
            "#!/bin/sh",
            "# Runs the shards of " + sweep.out() + " on Kubernetes, then merges them. Needs kubectl and the claim.",
            "set -eu",
            "cd \"$(dirname \"$0\")\"",
            "kubectl apply -f " + SHARDS,
            "# the Job ends Complete when every index succeeded, Failed when it gave up on one",
            "until kubectl get job " + shards + " -o jsonpath='{.status.conditions[*].type}' | grep -Eq 'Complete|Failed';"
                + " do sleep 10; done",
            "kubectl delete job " + merge + " --ignore-not-found",
            "kubectl apply -f " + MERGE,
            "until kubectl get job " + merge + " -o jsonpath='{.status.conditions[*].type}' | grep -Eq 'Complete|Failed';"
                + " do sleep 5; done",
            "kubectl logs job/" + merge,
            "kubectl get job " + merge + " -o jsonpath='{.status.conditions[*].type}' | grep -q Complete",
            "");
    }
}
