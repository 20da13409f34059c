package org.rnnbench.harness.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** The manifests parsed back (JSON is YAML; the comment lines are YAML's) and checked field by field. */
class K8sManifestsTest {
    private static final ShardedSweep SWEEP = new ShardedSweep("run", List.of("--suite", "quick", "--threads", "2"),
        Path.of("/results/quick-threads2"), "quick-threads2", 8);
    private static final K8sManifests.Pods PODS = new K8sManifests.Pods("registry.example/rnnbench:1", "shared",
        "/results", 3, 2, "4096Mi");

    static JsonObject parse(String text) {
        String json = text.lines().filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n"));
        return JsonParser.parseString(json).getAsJsonObject();
    }

    private static List<String> strings(JsonElement array) {
        return ((JsonArray) array).asList().stream().map(JsonElement::getAsString).toList();
    }

    @Test
    void theShardsAreAnIndexedJobWhosePodsRunOneShardEach() {
        JsonObject job = parse(K8sManifests.text(List.of("a comment"), K8sManifests.shardsJob(SWEEP, PODS)));
        assertEquals("batch/v1", job.get("apiVersion").getAsString());
        assertEquals("Job", job.get("kind").getAsString());
        assertEquals("rnnbench-quick-threads2", job.getAsJsonObject("metadata").get("name").getAsString());
        JsonObject spec = job.getAsJsonObject("spec");
        assertEquals("Indexed", spec.get("completionMode").getAsString());
        assertEquals(8, spec.get("completions").getAsInt());
        assertEquals(3, spec.get("parallelism").getAsInt());
        JsonObject pod = spec.getAsJsonObject("template").getAsJsonObject("spec");
        assertEquals("Never", pod.get("restartPolicy").getAsString());
        JsonObject container = pod.getAsJsonArray("containers").get(0).getAsJsonObject();
        assertEquals("registry.example/rnnbench:1", container.get("image").getAsString());
        assertEquals(List.of("rnnbench", "run", "--suite", "quick", "--threads", "2", "--out", "/results/quick-threads2",
            "--shard", "env", "--shards", "8"), strings(container.get("command")));
        JsonObject limits = container.getAsJsonObject("resources").getAsJsonObject("limits");
        assertEquals("2", limits.get("cpu").getAsString());
        assertEquals("4096Mi", limits.get("memory").getAsString());
        assertEquals("/results", container.getAsJsonArray("volumeMounts").get(0).getAsJsonObject().get("mountPath")
            .getAsString());
        assertEquals("shared", pod.getAsJsonArray("volumes").get(0).getAsJsonObject()
            .getAsJsonObject("persistentVolumeClaim").get("claimName").getAsString());
    }

    @Test
    void theMergeJobMergesOnceWithoutRetries() {
        JsonObject job = parse(K8sManifests.text(List.of(), K8sManifests.mergeJob(SWEEP, PODS)));
        assertEquals("rnnbench-quick-threads2-merge", job.getAsJsonObject("metadata").get("name").getAsString());
        JsonObject spec = job.getAsJsonObject("spec");
        assertEquals(0, spec.get("backoffLimit").getAsInt());
        assertTrue(!spec.has("completionMode"), spec.toString());
        JsonObject container = spec.getAsJsonObject("template").getAsJsonObject("spec").getAsJsonArray("containers")
            .get(0).getAsJsonObject();
        assertEquals(List.of("rnnbench", "merge", "/results/quick-threads2"), strings(container.get("command")));
    }

    @Test
    void parallelismNeverExceedsTheShardsAndNamesAreValidForKubernetes() {
        K8sManifests.Pods many = new K8sManifests.Pods("i", "c", "/r", 100, 1, "1Gi");
        JsonObject spec = parse(K8sManifests.text(List.of(), K8sManifests.shardsJob(SWEEP, many)))
            .getAsJsonObject("spec");
        assertEquals(8, spec.get("parallelism").getAsInt());
        String name = K8sManifests.jobName("Run_ABC-" + "x".repeat(80));
        assertTrue(name.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?") && name.length() <= 52, name);
    }

    @Test
    void theSubmitScriptAppliesTheMergeOnlyAfterTheShardsEnded() {
        String s = K8sManifests.submitScript(SWEEP);
        int shards = s.indexOf("kubectl apply -f " + K8sManifests.SHARDS);
        int waitShards = s.indexOf("until kubectl get job rnnbench-quick-threads2 ");
        int merge = s.indexOf("kubectl apply -f " + K8sManifests.MERGE);
        assertTrue(shards >= 0 && shards < waitShards && waitShards < merge, s);
    }
}
