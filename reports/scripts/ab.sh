#!/usr/bin/env bash
# Compares this checkout (with its uncommitted changes) against a git revision on this machine: K runs of each,
# made in turn (baseline, current, baseline, current, ...), so that a slow stretch of the machine that outlasts a
# run falls on both sides, then `rnnbench compare` of the K baseline runs against the K current ones, pooled
# (reports/README.md "Measuring the gate" has what the gate caught this way).
#
#   reports/scripts/ab.sh REV K DIR [-- RUN ARGS... [--compare COMPARE ARGS...]]
#
# REV          the baseline: a commit, branch or tag of this repository, checked out in DIR/baseline-src (a git
#              worktree, removed at the end) and built there by its own ./rnnbench
# K            runs a side (3 is what reports/README.md "Measuring the gate" measured)
# DIR          a new directory for the runs: DIR/b0 .. DIR/b<K-1> (baseline), DIR/c0 .. DIR/c<K-1> (current), each
#              run's console output beside it (.log), the comparison in DIR/compare.md
# RUN ARGS     what to run (default: --suite quick); the same for both sides
# COMPARE ARGS options for compare, e.g. --run-noise djl=4%,dl4j=3%,scratch=3% --threshold 5% (measure them on
#              this machine with gate-rates.sh judge --replicates K --interleave)
#
# Exit code: compare's (0 no regression, 1 a regression, 2 bad input or machines not comparable); 2 for bad
# arguments, 3 when a side fails to build.
set -euo pipefail
caller=$(pwd)
cd "$(dirname "$0")/../.."
usage="usage: ab.sh REV K DIR [-- RUN ARGS... [--compare COMPARE ARGS...]]"
fail() { echo "ab.sh: $*" >&2; exit "${2:-2}"; }

[[ $# -ge 3 ]] || fail "$usage"
rev=$1 k=$2 dir=$3
[[ $dir == /* ]] || dir="$caller/$dir"
shift 3
[[ $k =~ ^[1-9][0-9]*$ ]] || fail "K must be a positive whole number, not $k"
commit=$(git rev-parse --verify --quiet "$rev^{commit}") || fail "$rev is not a commit, branch or tag of $(pwd)"
[[ ! -e $dir ]] || fail "$dir already exists; give a new directory"
run_args=() compare_args=()
if [[ $# -gt 0 ]]; then
  [[ $1 == -- ]] || fail "unknown argument $1; $usage"
  shift
  while [[ $# -gt 0 && $1 != --compare ]]; do run_args+=("$1"); shift; done
  [[ $# -eq 0 ]] || { shift; compare_args=("$@"); }
fi
[[ ${#run_args[@]} -gt 0 ]] || run_args=(--suite quick)

mkdir -p "$dir" 2> /dev/null || fail "cannot create the directory $dir"
src="$dir/baseline-src"
git worktree add --detach --quiet "$src" "$commit"
trap 'git worktree remove --force "$src" 2> /dev/null || true' EXIT

# both sides are built before the first run, so that no build lands inside a timed run
for side in "$src" "$(pwd)"; do
  (cd "$side" && ./rnnbench --help) > /dev/null 2> "$dir/build.log" \
    || fail "building $side failed; see $dir/build.log" 3
done
baseline=() current=()
for ((i = 0; i < k; i++)); do
  for side in b c; do
    root=$([[ $side == b ]] && echo "$src" || pwd)
    t0=$SECONDS
    # run from the side's own checkout: a record names the commit of the directory it was run from
    (cd "$root" && ./rnnbench run "${run_args[@]}" --out "$dir/$side$i" --progress none) > "$dir/$side$i.log" 2>&1 \
      || echo "ab.sh: the run $dir/$side$i exited with $? (its log: $dir/$side$i.log); its records are compared" >&2
    echo "$side$i $((SECONDS - t0)) s" >&2
    if [[ $side == b ]]; then baseline+=("$dir/$side$i"); else current+=("$dir/$side$i"); fi
  done
done
git worktree remove --force "$src"
trap - EXIT
commas() { local IFS=,; echo "$*"; } # not join: that is a coreutils command
exec ./rnnbench compare "$(commas "${baseline[@]}")" "$(commas "${current[@]}")" "${compare_args[@]}" \
  --markdown "$dir/compare.md"
