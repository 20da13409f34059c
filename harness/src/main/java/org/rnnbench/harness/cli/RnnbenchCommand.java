package org.rnnbench.harness.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import org.rnnbench.harness.Main;
import org.rnnbench.harness.Version;

/**
 * The top command; its subcommands are listed in the annotation below (and by {@code rnnbench} without one).
 */
@Command(name = "rnnbench", mixinStandardHelpOptions = true, versionProvider = RnnbenchCommand.VersionProvider.class,
    description = "Benchmark and compare recurrent cells (RNN, LSTM, GRU) across backends.",
    subcommands = {ListCommand.class, RunCommand.class, GradientsCommand.class, ClaimsCommand.class,
        VerifyCommand.class, ReportCommand.class, CompareCommand.class, MergeCommand.class, SlurmCommand.class,
        K8sCommand.class},
    footer = {"", "Exit codes: 0 ok, 1 verify mismatch, compare regression or merge incomplete, 2 bad input,"
        + " 3 other failure, 130 interrupted."})
public final class RnnbenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("rnnbench: missing command; give one of " + String.join(", ",
            spec.subcommands().keySet()) + " (see 'rnnbench --help')");
        return Main.EXIT_USAGE;
    }

    /** The version line. */
    public static final class VersionProvider implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"rnnbench " + Version.get()};
        }
    }
}
