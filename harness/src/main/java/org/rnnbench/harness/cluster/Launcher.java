package org.rnnbench.harness.cluster;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code rnnbench} launcher script of this checkout, which cluster jobs run: the harness's classes live in
 * {@code <checkout>/harness/target/classes}, the launcher in {@code <checkout>/rnnbench}. On a cluster the checkout
 * must be on a file system the compute nodes share.
 */
public final class Launcher {
    private Launcher() {
    }

    /** The launcher's absolute path; a {@link ClusterException} when this JVM was not started from a checkout. */
    public static Path path() throws ClusterException {
        Path classes;
        try {
            classes = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            throw new ClusterException("cannot tell where rnnbench's classes are (" + e.getMessage() + ")");
        }
        Path root = classes.toAbsolutePath().normalize();
        for (int i = 0; i < 3 && root != null; i++) {
            root = root.getParent();
        }
        Path launcher = root == null ? null : root.resolve("rnnbench");
        if (launcher == null || !Files.isExecutable(launcher)) {
            throw new ClusterException("no rnnbench launcher beside the classes in " + classes + "; run the cluster"
                + " commands through the rnnbench script of a checkout");
        }
        return launcher;
    }
}
