package org.rnnbench.harness.claims;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.rnnbench.harness.UsageException;
import org.rnnbench.harness.plan.Matrix;

/** Every claim, in order, and the units a selection of them plans. */
public final class ClaimCatalog {
    private ClaimCatalog() {
    }

    /** Every claim. */
    public static List<Claim> all() {
        return List.of(LectureClaims.parameters(), LectureClaims.stepTime(), LectureClaims.timeToTarget(),
            LectureClaims.vanishing(), LectureClaims.gating(), PublishedClaims.addingProblem(), PublishedClaims.copy(),
            PublishedClaims.irnn(), LectureClaims.initialisation(), LectureClaims.clipping(),
            LectureClaims.truncation(), PublishedClaims.jsbChorales(), PublishedClaims.minimal());
    }

    /**
     * The claims of the given ids, in catalogue order; all of them for null.
     *
     * @throws UsageException for an unknown id, naming the known ones
     */
    public static List<Claim> select(List<String> ids) {
        List<Claim> all = all();
        if (ids == null) {
            return all;
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String id : ids) {
            String key = id.strip();
            if (all.stream().noneMatch(c -> c.id().equals(key))) {
                throw new UsageException("--only: unknown claim '" + key + "'; known: "
                    + String.join(", ", all.stream().map(Claim::id).toList()));
            }
            wanted.add(key);
        }
        return all.stream().filter(c -> wanted.contains(c.id())).toList();
    }

    /**
     * The matrices of the claims' arms on the backends and seeds, without duplicates; arms whose cell this build
     * does not know are left out (their claims say {@code not run}).
     */
    public static List<Matrix> matrices(List<Claim> claims, List<String> backends, List<Long> seeds) {
        Set<Arm> arms = new LinkedHashSet<>();
        for (Claim c : claims) {
            for (Arm a : c.arms()) {
                if (Evidence.known(a.cell())) {
                    arms.add(a);
                }
            }
        }
        List<Matrix> m = new ArrayList<>();
        for (Arm a : arms) {
            m.add(a.matrix(backends, seeds));
        }
        return m;
    }
}
