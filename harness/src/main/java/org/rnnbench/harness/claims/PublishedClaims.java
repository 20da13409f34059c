package org.rnnbench.harness.claims;

import static org.rnnbench.harness.claims.Experiments.jsb;

import java.util.ArrayList;
import java.util.List;

/** The published results: adding, copy memory, IRNN, JSB Chorales, minGRU and minLSTM. */
final class PublishedClaims {
    private static final String ARJOVSKY = "Hochreiter & Schmidhuber 1997; Arjovsky, Shah & Bengio 2016";
    private static final String MSE = "test MSE / baseline 1/6";

    private PublishedClaims() {
    }

    static Claim addingProblem() {
        List<Arm> arms = List.of(Experiments.adding("lstm", 100), Experiments.adding("lstm", 200),
            Experiments.adding("rnn-tanh", 100), Experiments.adding("rnn-tanh", 200));
        return new Claim("5", "Adding problem: an LSTM goes below 10% of the baseline MSE (1/6) at T=100 and T=200"
            + " while a tanh RNN stays above 90% of it", ARJOVSKY,
            "H=128, RMSprop lr 1e-3, batch 20, global-norm clip 1, " + Experiments.ADDING_STEPS + " steps (the"
                + " source's setting except the budget: its runs are much longer)",
            arms, e -> {
                List<Part> parts = new ArrayList<>();
                for (int t : List.of(100, 200)) {
                    parts.add(e.part("LSTM T=" + t, MSE, Threshold.below(0.1), List.of(Experiments.adding("lstm", t)),
                        s -> Measures.overChance(s.get(0), "mse"), ""));
                }
                for (int t : List.of(100, 200)) {
                    parts.add(e.part("tanh T=" + t, MSE, Threshold.above(0.9),
                        List.of(Experiments.adding("rnn-tanh", t)), s -> Measures.overChance(s.get(0), "mse"), ""));
                }
                return parts;
            });
    }

    static Claim copy() {
        Arm longer = copyArm(100);
        Arm shorter = copyArm(10);
        String stat = "test cross-entropy / baseline 10 ln 8 / (T+20)";
        return new Claim("6", "Copy memory: at T=100 an LSTM does not beat the memoryless baseline by more than 10%"
            + " within the source's budget; at T=10 it does", "Arjovsky, Shah & Bengio 2016",
            "LSTM H=128, RMSprop lr 1e-3, batch 20, clip 1, 3000 steps (less than the source's budget), 8"
                + " categories, 10 symbols",
            List.of(longer, shorter), e -> List.of(
                e.part("T=100 near baseline", stat, Threshold.above(0.9), List.of(longer),
                    s -> Measures.overChance(s.get(0), "loss"), ""),
                e.part("T=10 beats baseline", stat, Threshold.below(0.9), List.of(shorter),
                    s -> Measures.overChance(s.get(0), "loss"), "")));
    }

    private static Arm copyArm(int t) {
        return new Arm("copy-T" + t + "-K8", "lstm", 128, "pytorch", "rmsprop", 1e-3, 1, 0, 20, 3000, null);
    }

    static Claim irnn() {
        Arm irnn = new Arm("adding-T150", "rnn-relu", 100, "identity", "sgd", 1e-2, 1, 0, 16, 8000, null);
        Arm tanh = irnn.withCell("rnn-tanh").withInit("pytorch");
        return new Claim("7", "ReLU as a remedy: an IRNN (ReLU RNN, identity initialisation, SGD with clipping) solves"
            + " adding at T=150 where a tanh RNN with the default initialisation does not",
            "lecture; Le, Jaitly & Hinton 2015",
            "H=100, SGD lr 1e-2 with global-norm clip 1, batch 16, 8000 steps (the source trains far longer);"
                + " solved = test MSE below 10% of the baseline",
            List.of(irnn, tanh), e -> List.of(
                e.part("IRNN solves", MSE, Threshold.below(0.1), List.of(irnn),
                    s -> Measures.overChance(s.get(0), "mse"), ""),
                e.part("tanh does not", MSE, Threshold.above(0.1), List.of(tanh),
                    s -> Measures.overChance(s.get(0), "mse"), "")));
    }

    static Claim jsbChorales() {
        Arm tanh = jsb("rnn-tanh", 100);
        Arm gru = jsb("gru", 46);
        Arm lstm = jsb("lstm", 36);
        String stat = "test NLL per step / published";
        return new Claim("11", "JSB Chorales: test NLL per time step within 10% of the published 9.19 (tanh), 8.54"
            + " (GRU), 8.67 (LSTM), and the order GRU <= LSTM < tanh",
            "Chung, Gulcehre, Cho & Bengio 2014",
            "about 20k parameters each (tanh 100, GRU 46, LSTM 36 units), RMSprop lr 1e-3, clip 1, batch 16, "
                + Experiments.JSB_STEPS + " steps (the source trains to convergence with early stopping)",
            List.of(tanh, gru, lstm), e -> List.of(
                e.part("tanh 9.19", stat, Threshold.within(0.9, 1.1), List.of(tanh),
                    s -> Measures.metric(s.get(0), "nll_per_step") / 9.19, ""),
                e.part("GRU 8.54", stat, Threshold.within(0.9, 1.1), List.of(gru),
                    s -> Measures.metric(s.get(0), "nll_per_step") / 8.54, ""),
                e.part("LSTM 8.67", stat, Threshold.within(0.9, 1.1), List.of(lstm),
                    s -> Measures.metric(s.get(0), "nll_per_step") / 8.67, ""),
                e.part("GRU <= LSTM", "test NLL LSTM - GRU", Threshold.above(0), List.of(lstm, gru),
                    s -> Measures.metric(s.get(0), "nll_per_step") - Measures.metric(s.get(1), "nll_per_step"), ""),
                e.part("LSTM < tanh", "test NLL tanh - LSTM", Threshold.above(0), List.of(tanh, lstm),
                    s -> Measures.metric(s.get(0), "nll_per_step") - Measures.metric(s.get(1), "nll_per_step"),
                    "")));
    }

    static Claim minimal() {
        String[][] pairs = {{"min-gru", "gru"}, {"min-lstm", "lstm"}};
        List<Arm> arms = new ArrayList<>();
        for (String[] p : pairs) {
            arms.add(Experiments.adding(p[0], 100));
            arms.add(Experiments.adding(p[1], 100));
        }
        return new Claim("12", "minGRU and minLSTM match GRU and LSTM on adding-T100 with fewer parameters",
            "Feng, Tung, Ahmed, Hajimirsadeghi & Bengio 2024",
            "the adding-T100 setting of claim 5 (H=128, RMSprop 1e-3, " + Experiments.ADDING_STEPS + " steps);"
                + " match = test MSE within 5% of the baseline of the full cell's",
            arms, e -> {
                List<Part> parts = new ArrayList<>();
                for (String[] p : pairs) {
                    Arm min = Experiments.adding(p[0], 100);
                    Arm full = Experiments.adding(p[1], 100);
                    parts.add(e.part(p[0] + " matches " + p[1], "(test MSE " + p[0] + " - " + p[1] + ") / baseline",
                        Threshold.below(0.05), List.of(min, full),
                        s -> Measures.overChance(s.get(0), "mse") - Measures.overChance(s.get(1), "mse"), ""));
                    parts.add(e.part(p[0] + " fewer parameters", "parameters " + p[0] + " / " + p[1],
                        Threshold.below(1), List.of(min, full),
                        s -> (double) s.get(0).canonicalParameters() / s.get(1).canonicalParameters(), ""));
                }
                return parts;
            });
    }
}
