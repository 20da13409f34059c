package org.rnnbench.djl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The PyTorch engine of this process, loaded once, offline, with its thread settings.
 *
 * <p>What is read, and when. Everything below takes effect only if set <b>before the engine loads</b> (the first
 * {@link org.rnnbench.core.backend.Backend#create} or {@code probeStack} of a DJL backend in the JVM); later
 * changes are ignored by libtorch, so a run that needs other settings needs another JVM.
 * <ul>
 *   <li>{@code ai.djl.offline} (system property; DJL reads the environment variable {@code DJL_OFFLINE} first):
 *       DJL never downloads. Set to {@code true} here unless the user
 *       set it. The natives come from the {@code pytorch-native-cpu} and {@code pytorch-jni} jars on the class
 *       path; without either DJL would try to download them and, offline, fails at once saying so. Offline mode
 *       also turns off DJL's telemetry call.</li>
 *   <li>{@code ai.djl.pytorch.num_threads} and {@code ai.djl.pytorch.num_interop_threads} (system properties):
 *       libtorch's intra-op and inter-op thread counts. A value set by the user is kept; otherwise both are set
 *       to the {@code threads} of the call that loads the engine.</li>
 *   <li>{@code DJL_CACHE_DIR} (environment variable, or system property when the variable is unset): where DJL
 *       unpacks libtorch from the jars on first use (about 430 MB); {@code ~/.djl.ai} by default.</li>
 *   <li>{@code org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils}: set to {@code error} unless the user set
 *       it, which hides a harmless GPU-probe warning that DJL logs twice on machines with a CUDA toolkit but no
 *       driver (takes effect with slf4j-simple as the logging binding).</li>
 * </ul>
 */
public final class DjlEngine {
    /** DJL's offline switch. */
    public static final String OFFLINE = "ai.djl.offline";
    /** libtorch's intra-op thread count, read by DJL when the engine loads. */
    public static final String NUM_THREADS = "ai.djl.pytorch.num_threads";
    /** libtorch's inter-op thread count, read by DJL when the engine loads. */
    public static final String NUM_INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";
    /** Where DJL unpacks the native libraries: environment variable or system property. */
    public static final String CACHE_DIR = "DJL_CACHE_DIR";
    /** slf4j-simple's level for DJL's GPU probe. */
    static final String CUDA_LOG_LEVEL = "org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils";

    /**
     * Held while a {@code GradientCollector} records: DJL lets one record at a time in a process (a second throws
     * "A PtGradientCollector is already collecting"), so models used from several threads take turns in their
     * gradient computations. Each such computation is a whole train step, gradient or dL/dh_t call, which also
     * leaves no gradients behind in its parameters.
     */
    public static final Object RECORDING = new Object();

    private static final String ENGINE_NAME = "PyTorch";
    private static Engine engine;

    private DjlEngine() {
    }

    /**
     * The engine, loading it on the first call after applying the settings above.
     *
     * @param threads the thread count to use when the user set none, at least 1
     */
    public static synchronized Engine get(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (engine == null) {
            setIfAbsent(OFFLINE, "true");
            setIfAbsent(NUM_THREADS, Integer.toString(threads));
            setIfAbsent(NUM_INTEROP_THREADS, Integer.toString(threads));
            setIfAbsent(CUDA_LOG_LEVEL, "error");
            engine = Engine.getEngine(ENGINE_NAME);
        }
        return engine;
    }

    /**
     * Prepares the calling thread for arrays that require gradients: libtorch's grad mode is a per-thread setting,
     * on by default in every new thread, and DJL turns it off only in the thread that loads the engine (a
     * {@code GradientCollector} turns it on and off again around its own use). With it on, an in-place write to a
     * parameter (importing weights, an update) fails with "a leaf Variable that requires grad is being used in an
     * in-place operation". Every model call runs this first, so a model works from whichever thread uses it.
     */
    public static void prepareThread() {
        JniUtils.setGradMode(false);
    }

    /** True once the engine is loaded: thread settings can no longer change. */
    public static synchronized boolean loaded() {
        return engine != null;
    }

    /** The intra-op and inter-op thread counts libtorch uses, by property name; empty before the engine loads. */
    public static synchronized Map<String, Integer> threadsInEffect() {
        Map<String, Integer> m = new LinkedHashMap<>();
        if (engine != null) {
            m.put(NUM_THREADS, JniUtils.getNumThreads());
            m.put(NUM_INTEROP_THREADS, JniUtils.getNumInteropThreads());
        }
        return m;
    }

    /** The DJL and PyTorch versions from the engine jar's metadata (does not load the engine). */
    public static Map<String, String> versions() {
        Properties p = new Properties();
        try (InputStream in = DjlEngine.class.getResourceAsStream("/pytorch-engine.properties")) {
            if (in == null) {
                throw new IllegalStateException("pytorch-engine.properties is not on the class path; is "
                    + "ai.djl.pytorch:pytorch-engine a dependency?");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pytorch-engine.properties", e);
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put("djl", p.getProperty("djl_version", "unknown"));
        m.put("pytorch", p.getProperty("pytorch_version", "unknown"));
        return m;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
