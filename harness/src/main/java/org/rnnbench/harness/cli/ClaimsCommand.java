package org.rnnbench.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.harness.Main;
import org.rnnbench.harness.UsageException;
import org.rnnbench.harness.claims.Claim;
import org.rnnbench.harness.claims.ClaimCatalog;
import org.rnnbench.harness.claims.ClaimsPlot;
import org.rnnbench.harness.claims.ClaimsSection;
import org.rnnbench.harness.claims.ClaimsTables;
import org.rnnbench.harness.claims.Evidence;
import org.rnnbench.harness.claims.Outcome;
import org.rnnbench.harness.plan.DefaultBackends;
import org.rnnbench.harness.plan.OptionCheck;
import org.rnnbench.harness.plan.PlannedUnit;
import org.rnnbench.harness.plan.Planner;
import org.rnnbench.harness.plan.Sizes;
import org.rnnbench.harness.plan.TaskCatalog;
import org.rnnbench.harness.store.RunCsv;
import org.rnnbench.reports.html.ClaimsFragment;

/**
 * {@code rnnbench claims}: runs the experiments behind the lecture's and the literature's claims through the
 * resumable {@link SweepTail} into {@code results/claims/}, then computes every claim's statistics and verdicts
 * from the records and writes {@code claims.md}, {@code claims.csv}, a plot per claim and the Claims section of
 * the report.
 */
@Command(name = "claims", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Check the lecture's claims and published results: run their experiments and compute a verdict"
        + " per claim and backend (holds, does not hold, inconclusive, not run) from a statistic with its 95%%"
        + " interval over seeds.",
        "Results go to results/claims/ (runs.jsonl, claims.md, claims.csv, report/report.html); running the same"
            + " command again resumes."})
public final class ClaimsCommand implements Callable<Integer>, SweepCommand {
    /** The fewest seeds a verdict is computed from. */
    static final int MIN_SEEDS = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--list", description = "List the claims with their sources and settings, run nothing.")
    boolean list;

    @Option(names = "--verdicts-only", description = "Run nothing: write the verdicts of the records already in the"
        + " results directory (claims whose units are missing say not run).")
    boolean verdictsOnly;

    @Option(names = "--only", split = ",", paramLabel = "ID", description = "Claim ids to run (see --list);"
        + " default all.")
    List<String> only;

    @Option(names = "--backends", split = ",", paramLabel = "ID",
        description = "Backend ids; default the reference backend (see 'rnnbench list backends'; the backends start"
            + " from the same weights and batches; a verdict that differs between backends is reported as a"
            + " finding).")
    List<String> backends;

    @Option(names = "--seeds", split = ",", paramLabel = "SEED", defaultValue = "0,1,2",
        description = "Seeds, at least " + MIN_SEEDS + "; default ${DEFAULT-VALUE}.")
    List<Long> seeds;

    @Mixin
    SweepOptions sweep;

    @Override
    public Integer call() throws Exception {
        if (list) {
            PrintWriter out = spec.commandLine().getOut();
            for (Claim c : ClaimCatalog.select(only)) {
                out.println(c.id() + ". " + c.statement());
                out.println("    source: " + c.source());
                out.println("    setting: " + c.setting());
            }
            out.flush();
            return Main.EXIT_OK;
        }
        return SweepTail.execute(spec, sweep, plan());
    }

    @Override
    public SweepOptions sweepOptions() {
        return sweep;
    }

    @Override
    public SweepTail.Plan plan() {
        if (seeds.stream().distinct().count() < MIN_SEEDS) {
            throw new UsageException("--seeds " + seeds.stream().map(String::valueOf).collect(Collectors.joining(","))
                + ": a claim's interval needs at least " + MIN_SEEDS + " distinct seeds, e.g. 0,1,2");
        }
        List<Claim> claims = ClaimCatalog.select(only);
        List<String> ids = (backends != null ? backends : DefaultBackends.reference()).stream()
            .map(OptionCheck::backendId).distinct().toList();
        List<Long> seedList = seeds.stream().distinct().toList();
        int threads = sweep.workers.threads();
        List<PlannedUnit> units = new Planner(new TaskCatalog(), Sizes.physicalMemory())
            .plan(ClaimCatalog.matrices(claims, ids, seedList), threads);
        if (verdictsOnly) {
            units = List.of();
        }
        String context = claims.size() + " claim(s) on " + String.join(", ", ids) + ", seeds "
            + seedList.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "; every verdict computed"
            + " from the records in runs.jsonl (holds / does not hold: the 95% interval over seeds lies on one side"
            + " of the threshold; inconclusive: it straddles it; not run: a unit has no usable record).";
        SweepTail.Finisher finisher = (dir, records, planned, out, err) ->
            finish(dir, records, claims, ids, seedList, threads, context, out, err);
        return new SweepTail.Plan("claims", "claims", units, true,
            List.of(ClaimsTables.MARKDOWN, ClaimsTables.CSV, RunCsv.FILE), finisher);
    }

    /** Judges every claim on every backend and writes the outputs, then runs.csv and the report. */
    static void finish(Path dir, List<RunRecord> records, List<Claim> claims, List<String> backends,
                       List<Long> seeds, int threads, String context, PrintWriter out, PrintWriter err)
        throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
        for (Claim c : claims) {
            for (String b : backends) {
                outcomes.add(c.judge(new Evidence(records, b, seeds, threads)));
            }
        }
        ClaimsTables.write(dir, outcomes, context);
        Path plots = Files.createDirectories(dir.resolve("claims-plots"));
        for (Claim c : claims) {
            Files.write(plots.resolve("claim-" + c.id() + ".png"),
                ClaimsPlot.png(outcomes.stream().filter(o -> o.claim() == c).toList()));
        }
        Files.writeString(dir.resolve(ClaimsFragment.FILE), ClaimsSection.html(outcomes, context),
            StandardCharsets.UTF_8);
        RunCsv.write(dir.resolve(RunCsv.FILE), records);
        EndOfRunReport.write(dir, err);
        for (Outcome o : outcomes) {
            out.printf("%-4s %-8s %-14s %s%n", o.claim().id(), o.backend(), o.verdict().text(),
                o.claim().statement());
        }
    }
}
