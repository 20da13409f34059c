package org.rnnbench.harness.claims;

import static org.rnnbench.harness.claims.Experiments.adding;
import static org.rnnbench.harness.claims.Experiments.atInit;
import static org.rnnbench.harness.claims.Experiments.jsb;

import java.util.ArrayList;
import java.util.List;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.harness.plan.TaskCatalog;

/** The lecture's claims about parameters, speed, gradients, initialisation, clipping and truncation. */
final class LectureClaims {
    static final String LECTURE = "lecture (the seed of this project)";
    private static final double EXACT = 1e-6;

    private LectureClaims() {
    }

    static Claim parameters() {
        Arm lstm = adding("lstm", 100);
        Arm gru = adding("gru", 100);
        TaskCatalog tasks = new TaskCatalog();
        return new Claim("1", "GRUs have fewer parameters than LSTMs: a GRU layer has 3/4 of an LSTM layer's"
            + " parameters at the same sizes", LECTURE,
            "the recurrent layer of the adding-T100 models at H=128 (record count minus the head's canonical count);"
                + " canonical (PyTorch) and each backend's native count",
            List.of(lstm, gru), e -> List.of(
                e.part("canonical GRU/LSTM", "recurrent parameters GRU / LSTM, canonical",
                    Threshold.within(0.75 - EXACT, 0.75 + EXACT), List.of(gru, lstm),
                    s -> recurrent(tasks, s.get(0), true) / recurrent(tasks, s.get(1), true), ""),
                e.part("native GRU/LSTM", "recurrent parameters GRU / LSTM, the backend's own count",
                    Threshold.within(0.75 - EXACT, 0.75 + EXACT), List.of(gru, lstm),
                    s -> recurrent(tasks, s.get(0), false) / recurrent(tasks, s.get(1), false),
                    "a backend that folds the two biases of each gate into one counts differently"),
                e.part("native GRU fewer", "recurrent parameters GRU / LSTM, the backend's own count",
                    Threshold.below(1), List.of(gru, lstm),
                    s -> recurrent(tasks, s.get(0), false) / recurrent(tasks, s.get(1), false), "")));
    }

    /** The recurrent layer's parameters: the record's count minus the head's (and embedding's) canonical count. */
    static double recurrent(TaskCatalog tasks, RunRecord r, boolean canonical) {
        ModelSpec spec = tasks.get(r.params().task()).model(CellType.parse(r.params().cell()), r.params().hidden(),
            r.params().layers());
        long outside = ParameterLayout.of(spec).totalSize() - ParameterLayout.of(spec.cellSpec()).totalSize();
        return (canonical ? r.canonicalParameters() : r.nativeParameters()) - outside;
    }

    static Claim stepTime() {
        Arm lstm = adding("lstm", 100);
        Arm gru = adding("gru", 100);
        return new Claim("2a", "GRUs train faster: a GRU train step takes less time than an LSTM's at the same"
            + " hidden size", LECTURE,
            "median train-step time (first 10% of steps dropped as warm-up) of the adding-T100 runs, H=128, batch 20,"
                + " one thread; per backend, since implementations differ",
            List.of(lstm, gru), e -> List.of(
                e.part("step time GRU/LSTM", "median step time GRU / LSTM", Threshold.below(1), List.of(gru, lstm),
                    s -> Measures.medianStepMillis(s.get(0)) / Measures.medianStepMillis(s.get(1)), "")));
    }

    static Claim timeToTarget() {
        Arm lstm = adding("lstm", 100);
        Arm gru = adding("gru", 100);
        Arm jsbLstm = jsb("lstm", 36);
        Arm jsbGru = jsb("gru", 46);
        String censored = "reached = the mean training loss over " + Measures.TARGET_WINDOW + " steps at the target;"
            + " a run that never reached it counts as infinitely late (the interval is then the range); a seed where"
            + " neither did is left out";
        return new Claim("2b", "GRUs train faster: a GRU reaches the target loss in fewer steps and less time than an"
            + " LSTM", LECTURE,
            "adding-T100 at H=128 (target: half the chance loss, 1/12) and JSB Chorales at Chung et al.'s ~20k"
                + " parameters (GRU 46, LSTM 36 units; target " + Experiments.JSB_TARGET + " nats per step); a target"
                + " counts as reached when the mean training loss over " + Measures.TARGET_WINDOW + " steps reaches"
                + " it",
            List.of(lstm, gru, jsbLstm, jsbGru), e -> List.of(
                e.part("adding steps", "steps to target GRU / LSTM", Threshold.below(1), List.of(gru, lstm),
                    s -> Measures.ratio(Measures.stepsToTarget(s.get(0)), Measures.stepsToTarget(s.get(1))), censored),
                e.part("adding seconds", "seconds to target GRU / LSTM", Threshold.below(1), List.of(gru, lstm),
                    s -> Measures.ratio(Measures.secondsToTarget(s.get(0)), Measures.secondsToTarget(s.get(1))),
                    censored),
                e.part("JSB steps", "steps to target GRU / LSTM", Threshold.below(1), List.of(jsbGru, jsbLstm),
                    s -> Measures.ratio(Measures.stepsToTarget(s.get(0)), Measures.stepsToTarget(s.get(1))), censored),
                e.part("JSB seconds", "seconds to target GRU / LSTM", Threshold.below(1), List.of(jsbGru, jsbLstm),
                    s -> Measures.ratio(Measures.secondsToTarget(s.get(0)), Measures.secondsToTarget(s.get(1))),
                    censored)));
    }

    static Claim vanishing() {
        Arm tanh = atInit("rnn-tanh", "pytorch");
        Arm lstm = atInit("lstm", "pytorch");
        Arm gru = atInit("gru", "pytorch");
        return new Claim("3", "Vanishing gradients: at initialisation |dL/dh_t| of a tanh RNN falls exponentially"
            + " going back in time, and faster than an LSTM's and a GRU's",
            "lecture; Pascanu, Mikolov & Bengio 2013",
            "adding-T100, H=128, PyTorch's initialisation, before any training; decay rate = slope of ln|dL/dh_t|"
                + " against t (per step), R^2 of that line",
            List.of(tanh, lstm, gru), e -> List.of(
                e.part("tanh exponential", "R^2 of the log-linear fit, tanh RNN", Threshold.above(0.9), List.of(tanh),
                    s -> Measures.initialFit(s.get(0)).r2(), ""),
                e.part("tanh faster than LSTM", "decay rate tanh - LSTM (per step)", Threshold.above(0),
                    List.of(tanh, lstm),
                    s -> Measures.initialFit(s.get(0)).rate() - Measures.initialFit(s.get(1)).rate(), ""),
                e.part("tanh faster than GRU", "decay rate tanh - GRU (per step)", Threshold.above(0),
                    List.of(tanh, gru),
                    s -> Measures.initialFit(s.get(0)).rate() - Measures.initialFit(s.get(1)).rate(), "")));
    }

    static Claim gating() {
        Arm tanh = adding("rnn-tanh", 100);
        Arm lstm = adding("lstm", 100);
        Arm gru = adding("gru", 100);
        return new Claim("4", "Gating carries gradients: after training on adding-T100, the gradient horizon of a"
            + " gated cell that solved the task is longer than the tanh RNN's", LECTURE,
            "the adding-T100 runs of claim 5 (H=128, RMSprop 1e-3, " + Experiments.ADDING_STEPS + " steps); horizon ="
                + " steps back until |dL/dh_t| falls below 1e-3 of the last step's (T when it never does); solved ="
                + " test MSE below 10% of the baseline in every seed",
            List.of(tanh, lstm, gru), e -> {
                List<Part> parts = new ArrayList<>();
                for (Arm gated : List.of(lstm, gru)) {
                    Part solved = e.part(gated.cell() + " solved", "test MSE / baseline", Threshold.below(0.1),
                        List.of(gated), s -> Measures.overChance(s.get(0), "mse"), "");
                    if (solved.verdict() == Verdict.NOT_RUN) {
                        parts.add(solved);
                    } else if (solved.verdict() == Verdict.HOLDS) {
                        parts.add(e.part(gated.cell() + " horizon longer", "horizon " + gated.cell() + " - tanh"
                            + " (steps)", Threshold.above(0), List.of(gated, tanh),
                            s -> Measures.trainedHorizon(s.get(0)) - Measures.trainedHorizon(s.get(1)), ""));
                    }
                }
                if (parts.isEmpty()) {
                    parts.add(Part.judged("a gated cell solved", "test MSE / baseline of the best gated cell",
                        Threshold.below(0.1), new double[0], "no gated cell solved adding-T100 in every seed within"
                            + " the budget, so the claim has nothing to compare"));
                }
                return parts;
            });
    }

    static Claim initialisation() {
        List<Arm> arms = new ArrayList<>();
        List<String[]> pairs = List.of(new String[] {"rnn-tanh", "orthogonal"}, new String[] {"rnn-tanh", "identity"},
            new String[] {"rnn-relu", "orthogonal"}, new String[] {"rnn-relu", "identity"});
        for (String cell : List.of("rnn-tanh", "rnn-relu")) {
            for (String init : List.of("pytorch", "orthogonal", "identity")) {
                arms.add(atInit(cell, init));
            }
        }
        return new Claim("8", "Initialisation: orthogonal or identity recurrent weights give a tanh or ReLU RNN a"
            + " slower gradient decay at initialisation than the default initialiser",
            "lecture (Glorot/He); Saxe, McClelland & Ganguli 2014; Le, Jaitly & Hinton 2015",
            "adding-T100, H=128, before any training; decay rate as in claim 3; default = PyTorch's U(-1/sqrt(H),"
                + " 1/sqrt(H))",
            arms, e -> pairs.stream().map(p -> {
                Arm base = atInit(p[0], "pytorch");
                Arm other = atInit(p[0], p[1]);
                return e.part(p[0] + " " + p[1], "decay rate default - " + p[1] + " (per step)", Threshold.above(0),
                    List.of(base, other),
                    s -> Measures.initialFit(s.get(0)).rate() - Measures.initialFit(s.get(1)).rate(), "");
            }).toList());
    }

    static Claim clipping() {
        Arm free = new Arm("adding-T50", "rnn-relu", 64, "kaiming", "sgd", 0.1, 0, 0, 20, 1000, null);
        Arm clipped = free.withClip(1);
        return new Claim("9", "Clipping: a configuration whose gradients explode without clipping trains with"
            + " global-norm clipping at 1", "lecture; Pascanu, Mikolov & Bengio 2013",
            "ReLU RNN, H=64, He (Kaiming) initialisation, SGD at 0.1, batch 20, 1000 steps on adding-T50; the"
                + " learning rate was chosen so that the unclipped run explodes (the claim's premise), checked on two"
                + " seeds before the setting was fixed",
            List.of(free, clipped), e -> List.of(
                e.part("explodes unclipped", "log10(largest loss / first loss), unclipped (inf: diverged)",
                    Threshold.above(1), List.of(free), s -> Measures.lossSpike(s.get(0)), ""),
                e.part("trains clipped", "final training loss / chance loss, clipped at 1", Threshold.below(1),
                    List.of(clipped), s -> Measures.finalLoss(s.get(0)) / s.get(0).chanceAnalytic().get("loss"),
                    "final training loss: mean over the last 10% of steps"),
                e.part("test loss clipped", "test loss / chance loss after training, clipped at 1", Threshold.below(1),
                    List.of(clipped), s -> Measures.overChance(s.get(0), "loss"), "")));
    }

    static Claim truncation() {
        Arm full = new Arm("shakespeare-char-T200", "lstm", 128, "pytorch", "adam", 2e-3, 1, 0, 32, 500, null);
        Arm truncated = full.withTbptt(20);
        return new Claim("10", "Truncated BPTT: with truncation k, a train step on T=200 costs less than full BPTT",
            LECTURE,
            "LSTM H=128 on Tiny Shakespeare windows of T=200, Adam 2e-3, batch 32, 500 steps, k=20 against full BPTT;"
                + " that no gradient reaches further back than k steps is checked exactly by the contract suite (a"
                + " truncated step equals the reference's windows), not from run records",
            List.of(full, truncated), e -> List.of(
                e.part("step time k=20 / full", "median step time truncated / full", Threshold.below(1),
                    List.of(truncated, full),
                    s -> Measures.medianStepMillis(s.get(0)) / Measures.medianStepMillis(s.get(1)), ""),
                e.part("metric cost", "test bits per char truncated / full (reported: what truncation costs)",
                    Threshold.above(0), List.of(truncated, full),
                    s -> Measures.metric(s.get(0), "bits_per_symbol") / Measures.metric(s.get(1), "bits_per_symbol"),
                    "a ratio above 1 is the accuracy truncation costs; the threshold only checks that both ran")));
    }
}
