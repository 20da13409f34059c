#!/usr/bin/env bash
# Integration test of `rnnbench slurm` against a real Slurm: the single-node one of scripts/slurm-local.sh, started
# here when it is not running (root needed for that). Three checks, one PASS/FAIL line each, then "N passed, M failed";
# exit 0 only when all passed. About 6-8 minutes on 2 cores. .ci/run runs it after `mvn -B verify`.
#
#   (a) the smoke suite through `rnnbench slurm --shards 4 --submit --wait` has the same unit ids as a plain
#       `rnnbench run --suite smoke`, and bit-identical metrics for the scratch backend;
#   (b) a shard cancelled with scancel mid-run leaves a merge with units missing (exit 1); the same `rnnbench slurm`
#       command again submits that shard only and ends complete, each unit exactly once;
#   (c) a shard whose backend worker JVMs crash (SIGSEGV, through a --java wrapper that crashes them in array task 2
#       only) leaves a merge that lists exactly that shard's units as missing and exits 1.
#
# Work files go to a fresh directory under ${TMPDIR:-/tmp} (kept, and named at the end); RNNBENCH_IT_DIR picks it.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rb="$root/rnnbench"
work="${RNNBENCH_IT_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/rnnbench-slurm-it.XXXXXX")}"
mkdir -p "$work"
passed=0
failed=0

pass() { echo "PASS: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
now() { date +%s; }

# The unit ids of a results directory's runs.jsonl, sorted.
ids() { grep -o '"id":"[^"]*"' "$1/runs.jsonl" | sort; }
# "id metrics" of each scratch record, sorted: the metrics object exactly as written.
scratch_metrics() {
    grep '"backend":"scratch"' "$1/runs.jsonl" | sed -E 's/^.*"id":"([^"]*)".*"metrics":(\{[^}]*\}).*$/\1 \2/' | sort
}
# The final JobState of a job, waiting for it to end.
job_end() {
    local state
    while :; do
        state="$(scontrol show job -o "$1" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | head -n 1 | cut -d= -f2)"
        case "$state" in
            PENDING | RUNNING | CONFIGURING | COMPLETING | SUSPENDED | "") sleep 1 ;;
            *) echo "$state"; return ;;
        esac
    done
}
job_exit() { scontrol show job -o "$1" | grep -o 'ExitCode=[0-9]*' | head -n 1 | cut -d= -f2; }

if ! "$root/scripts/slurm-local.sh" status >/dev/null 2>&1; then
    "$root/scripts/slurm-local.sh" start || { echo "FAIL: no local Slurm"; echo "0 passed, 1 failed"; exit 1; }
fi
# build once, before any job starts
"$rb" list backends >/dev/null || { echo "FAIL: rnnbench does not build"; echo "0 passed, 1 failed"; exit 1; }
cd "$work" || exit 1

# (a) smoke: plain against Slurm
t0=$(now)
"$rb" run --suite smoke --progress none --out "$work/plain" >"$work/plain.out" 2>"$work/plain.err"
plain_rc=$?
t1=$(now)
"$rb" slurm --suite smoke --shards 4 --out "$work/sharded" --submit --wait >"$work/sharded.out" 2>"$work/sharded.err"
sharded_rc=$?
t2=$(now)
echo "smoke: plain run $((t1 - t0)) s (exit $plain_rc), through Slurm with 4 shards $((t2 - t1)) s (exit $sharded_rc)"
if [[ $plain_rc -ne 0 || $sharded_rc -ne 0 ]]; then
    fail "(a) smoke through Slurm: exit codes plain $plain_rc, slurm $sharded_rc (logs in $work)"
elif ! diff <(ids "$work/plain") <(ids "$work/sharded") >"$work/ids.diff"; then
    fail "(a) smoke through Slurm: unit ids differ from the plain run ($work/ids.diff)"
elif [[ $(ids "$work/sharded" | uniq | wc -l) -ne $(ids "$work/sharded" | wc -l) ]]; then
    fail "(a) smoke through Slurm: a unit is recorded twice in $work/sharded/runs.jsonl"
elif [[ $(scratch_metrics "$work/plain" | wc -l) -eq 0 ]] ||
    ! diff <(scratch_metrics "$work/plain") <(scratch_metrics "$work/sharded") >"$work/metrics.diff"; then
    fail "(a) smoke through Slurm: scratch metrics differ from the plain run ($work/metrics.diff)"
else
    pass "(a) smoke through Slurm: $(ids "$work/sharded" | wc -l) units, the plain run's ids; scratch metrics" \
        "bit-identical ($(scratch_metrics "$work/plain" | wc -l) units)"
fi

# (b) cancel one shard mid-run, then the same command again
resume=("$rb" slurm --suite smoke --backends scratch,dl4j --shards 4 --out "$work/resume")
"${resume[@]}" --submit >"$work/resume1.out" 2>"$work/resume1.err"
array="$(awk '$1 == "array" {print $2}' "$work/resume1.out")"
merge="$(awk '$1 == "merge" {print $2}' "$work/resume1.out")"
# the victim: the shard with the most units (from the frozen partition), cancelled once it has recorded one
victim="$(awk '/^    \[/ {n++} /@/ && n > 0 {c[n - 1]++}
    END {b = -1; for (i in c) if (b < 0 || c[i] > c[b] || c[i] == c[b] && i + 0 < b + 0) b = i; print b}' \
    "$work/resume/shards/plan.json" 2>/dev/null)"
if [[ -z "$array" || -z "$merge" || -z "$victim" ]]; then
    fail "(b) cancel and resume: no job ids from 'rnnbench slurm --submit' or no partition ($work/resume1.err)"
else
    # wait until the victim runs and has recorded a unit (or a minute has passed), then cancel it
    for _ in $(seq 3000); do
        [[ "$(squeue -h -r -j "$array" -o '%K %T' 2>/dev/null | awk -v v="$victim" '$1 == v {print $2}')" == RUNNING ]] &&
            break
        sleep 0.2
    done
    for _ in $(seq 300); do
        [[ -s "$work/resume/shards/$victim/runs.jsonl" ]] && break
        sleep 0.2
    done
    scancel "${array}_$victim"
    task_state="$(job_end "${array}_$victim")"
    first_merge="$(job_end "$merge")"
    first_exit="$(job_exit "$merge")"
    "${resume[@]}" --submit --wait >"$work/resume2.out" 2>"$work/resume2.err"
    rc=$?
    lines=$(wc -l <"$work/resume/runs.jsonl")
    unique=$(ids "$work/resume" | uniq | wc -l)
    planned=$(grep -c '@' <(grep -o '"[^"]*@[^"]*"' "$work/resume/shards/plan.json"))
    if [[ "$task_state" != CANCELLED || "$first_exit" != 1 ]]; then
        fail "(b) cancel and resume: task $victim ended $task_state, the first merge $first_merge with exit" \
            "$first_exit (expected CANCELLED and 1: units missing)"
    elif ! grep -q '1 shard(s) with units left' "$work/resume2.err"; then
        fail "(b) cancel and resume: the second command did not submit exactly one shard ($work/resume2.err)"
    elif [[ $rc -ne 0 || $lines -ne $planned || $unique -ne $planned ]]; then
        fail "(b) cancel and resume: exit $rc, $lines records, $unique unique, $planned planned ($work/resume2.*)"
    else
        pass "(b) cancel and resume: shard $victim cancelled mid-run (first merge exit 1), the same command" \
            "resubmitted it alone and ended complete: $planned units, each once"
    fi
fi

# (c) a shard whose worker JVMs crash
cat >"$work/crashing-java" <<'EOF'
#!/bin/sh
# java for rnnbench's workers; in Slurm array task 2 each worker JVM gets SIGSEGV as it starts (not -version)
if [ "${SLURM_ARRAY_TASK_ID:-}" = 2 ] && [ "${1:-}" != -version ]; then
    (sleep 0.05; kill -SEGV $$) &
fi
exec java "$@"
EOF
chmod +x "$work/crashing-java"
"$rb" slurm --suite smoke --backends scratch --shards 4 --out "$work/crash" --java "$work/crashing-java" \
    --submit --wait >"$work/crash.out" 2>"$work/crash.err"
rc=$?
# shard 2's units, from the frozen partition (the third list of plan.json)
expected="$(awk '/^    \[/ {n++} n == 3 && /@/ {sub(/^ *"/, ""); sub(/",?$/, ""); print}' "$work/crash/shards/plan.json" |
    sort)"
listed="$(grep -E '^  [^ ]+@' "$work/crash.out" | tr -d ' ' | sort)"
if [[ $rc -ne 1 ]]; then
    fail "(c) crashed shard: 'rnnbench slurm --wait' exited $rc, expected 1 ($work/crash.*)"
elif [[ -z "$expected" || "$listed" != "$expected" ]]; then
    fail "(c) crashed shard: the merge listed [$listed] as missing, expected shard 2's units [$expected]"
elif ! grep -q 'native crash' "$work"/crash/slurm/logs/shard-2-*.log 2>/dev/null; then
    fail "(c) crashed shard: shard 2's log does not report a native crash of its worker JVM"
else
    pass "(c) crashed shard: shard 2's worker JVM crashed ($(grep -o '(SIG[A-Z]*, exit code [0-9]*' \
        "$work"/crash/slurm/logs/shard-2-*.log | head -n 1 | tr -d '(')); the merge listed its $(echo "$expected" |
        wc -l) units as missing and exited 1"
fi

echo "work files in $work"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
