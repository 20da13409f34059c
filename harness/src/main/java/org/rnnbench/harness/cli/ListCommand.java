package org.rnnbench.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.weights.Init;
import org.rnnbench.datasets.TaskPattern;
import org.rnnbench.harness.Main;
import org.rnnbench.harness.UsageException;
import org.rnnbench.harness.fork.WorkerLauncher;
import org.rnnbench.harness.fork.WorkerProcess;
import org.rnnbench.harness.plan.Planner;
import org.rnnbench.harness.plan.Suite;
import org.rnnbench.harness.plan.Suites;
import org.rnnbench.harness.plan.TaskCatalog;
import org.rnnbench.harness.worker.BackendInfo;
import org.rnnbench.harness.worker.JobFiles;

/** {@code rnnbench list}: backends (with versions and variants), cells, tasks, suites and initialisers. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List backends (versions, variants), cells, tasks, suites and initialisers.")
public final class ListCommand implements Callable<Integer> {
    private static final List<String> WHAT = List.of("backends", "cells", "tasks", "suites", "inits");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "WHAT",
        description = "Any of backends, cells, tasks, suites, inits; default all.")
    List<String> what = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        for (String w : what) {
            if (!WHAT.contains(w)) {
                throw new UsageException("list: unknown section '" + w + "'; known: " + String.join(", ", WHAT));
            }
        }
        List<String> sections = what.isEmpty() ? WHAT : what;
        for (String section : sections) {
            switch (section) {
                case "backends" -> backends(out);
                case "cells" -> cells(out);
                case "tasks" -> tasks(out);
                case "suites" -> suites(out);
                default -> inits(out);
            }
        }
        out.flush();
        return Main.EXIT_OK;
    }

    private static void backends(PrintWriter out) throws IOException, InterruptedException {
        out.println("backends (variants indented under their main backend; versions as a worker JVM sees them; the"
            + " suites run the main ones):");
        for (BackendInfo b : describe()) {
            out.printf("  %s%-16s %s%s%n", b.variant() ? "  " : "", b.id(), b.description(),
                b.reference() ? " [reference]" : "");
            if (b.variant()) {
                continue;
            }
            if (!b.versions().isEmpty()) {
                detail(out, "versions", b.versions().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .toList());
            }
            detail(out, "threads", b.threadSettings().isEmpty() ? List.of("its own pool (--threads)")
                : b.threadSettings());
            if (!b.jvmOptions().isEmpty()) {
                detail(out, "JVM options", b.jvmOptions());
            }
        }
        out.println();
    }

    private static void detail(PrintWriter out, String what, List<String> items) {
        out.printf("  %-16s %s: %s%n", "", what, String.join(", ", items));
    }

    /** The backends as a worker JVM sees them; this JVM's view if the worker fails. */
    private static List<BackendInfo> describe() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("rnnbench-list");
        try {
            Path file = dir.resolve("backends.json");
            WorkerProcess w = new WorkerLauncher(1).start("describe", file, null, dir.resolve("worker.log"),
                e -> { });
            if (w.waitFor() == 0 && Files.exists(file)) {
                return JobFiles.read(file, BackendInfo.Listing.class).backends();
            }
            return BackendInfo.current();
        } finally {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static void cells(PrintWriter out) {
        out.println("cells:");
        for (CellType c : CellType.values()) {
            out.printf("  %-10s %d gate block%s%s%n", c.id(), c.gates(), c.gates() == 1 ? "" : "s",
                c.hasRecurrentWeights() ? "" : ", gates of x only (no recurrent weights)");
        }
        out.println();
    }

    private static void tasks(PrintWriter out) {
        out.println("tasks (fill in the parameters, e.g. adding-T200):");
        for (TaskPattern p : TaskCatalog.patterns()) {
            out.printf("  %-46s %s%n", p.usage(), p.description());
        }
        out.println();
    }

    private static void suites(PrintWriter out) {
        out.println("suites (run --suite NAME):");
        for (Suite s : Suites.all()) {
            int units = s.matrices().stream().mapToInt(m -> m.params(1).size()).sum();
            out.printf("  %-8s %4d units  %s%n", s.name(), units, s.description());
        }
        out.println();
    }

    private static void inits(PrintWriter out) {
        out.println("initialisers (--init): " + java.util.Arrays.stream(Init.values()).map(Init::id)
            .collect(Collectors.joining(", ")));
        out.println("optimizers (--optimizer): " + org.rnnbench.core.spec.Optimizer.known());
        out.println("thread limit (--threads): 1.." + Planner.MAX_THREADS);
    }
}
