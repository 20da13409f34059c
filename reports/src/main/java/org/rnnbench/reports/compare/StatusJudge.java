package org.rnnbench.reports.compare;

import org.rnnbench.core.run.RunStatus;

/**
 * Status changes: a unit whose status got more severe (OK &lt; diverged = unsupported &lt; failed) regressed, one
 * whose status got less severe improved; any other pair, equal or equally severe, is unchanged.
 */
final class StatusJudge {
    private StatusJudge() {
    }

    static Finding judge(MatchedUnit unit) {
        RunStatus b = MatchedUnit.status(unit.baseline());
        RunStatus c = MatchedUnit.status(unit.current());
        int delta = MatchedUnit.severity(c) - MatchedUnit.severity(b);
        Verdict verdict = delta > 0 ? Verdict.REGRESSION : delta < 0 ? Verdict.IMPROVEMENT : Verdict.UNCHANGED;
        String message = c == RunStatus.OK ? "" : unit.current().get(0).record().message();
        return new Finding(unit.id(), Aspect.STATUS, verdict, Double.NaN, b.name(), c.name(),
            b == c ? "none" : b + " -> " + c, message.isEmpty() ? "status severity OK < DIVERGED = UNSUPPORTED < FAILED"
                : "current: " + message);
    }
}
