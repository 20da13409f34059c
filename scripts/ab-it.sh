#!/usr/bin/env bash
# Integration test of reports/scripts/ab.sh: this checkout against its parent commit, 2 tiny runs a side (scratch
# only, a few seconds each) after building the parent in a worktree. One PASS/FAIL line per check, then
# "N passed, M failed"; exit 0 only when all passed. About 1-2 minutes on 2 cores. .ci/run runs it.
#
#   (a) the runs were made in turn, baseline first (b0 < c0 < b1 < c1 by their records' finish times), the baseline
#       runs from the parent commit and the current ones from this checkout (their records' git commit), the
#       comparison written and judged (exit 0 or 1), and the worktree removed;
#   (b) bad arguments (K of 0, a revision that does not exist, an existing directory) exit 2 with one line and run
#       nothing.
#
# Work files go to a fresh directory under ${TMPDIR:-/tmp} (kept, and named at the end).
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ab="$root/reports/scripts/ab.sh"
work="$(mktemp -d "${TMPDIR:-/tmp}/rnnbench-ab-it.XXXXXX")"
passed=0
failed=0
pass() { echo "PASS: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }

# The finish time of a results directory's last record, and the git commit its records name (one expected).
finished() { grep -o '"finishedAt":"[^"]*"' "$1/runs.jsonl" | sort | tail -1; }
commits() { grep -o '"gitCommit":"[^"]*"' "$1/runs.jsonl" | sort -u | sed 's/.*:"\(.*\)"/\1/' | sed 's/-dirty$//'; }

parent=$(git -C "$root" rev-parse --verify --quiet HEAD~1 || git -C "$root" rev-parse HEAD) # HEAD in a clone of depth 1
head=$(git -C "$root" rev-parse HEAD)
tiny=(--tasks adding-T10 --cells gru,lstm --hidden 8 --steps 30 --batch 4 --backends scratch)

# (a)
code=0
"$ab" "$parent" 2 "$work/ab" -- "${tiny[@]}" > "$work/ab.out" 2> "$work/ab.err" || code=$?
order="$(finished "$work/ab/b0") $(finished "$work/ab/c0") $(finished "$work/ab/b1") $(finished "$work/ab/c1")"
sorted=$(tr ' ' '\n' <<< "$order" | sort | paste -sd ' ')
if [[ $code -gt 1 ]]; then
  fail "(a) ab.sh exited $code: $(tail -3 "$work/ab.err")"
elif [[ ! -s $work/ab/b1/runs.jsonl || ! -s $work/ab/c1/runs.jsonl ]]; then
  fail "(a) the runs b0, c0, b1, c1 are not all there: $(ls "$work/ab")"
elif [[ $order != "$sorted" ]]; then
  fail "(a) the runs were not made in turn: finish times b0 c0 b1 c1 = $order"
elif [[ "$(commits "$work/ab/b0") $(commits "$work/ab/b1")" != "$parent $parent" ]]; then
  fail "(a) the baseline runs name commit(s) $(commits "$work/ab/b0" | paste -sd ,), not the parent $parent"
elif [[ "$(commits "$work/ab/c0") $(commits "$work/ab/c1")" != "$head $head" ]]; then
  fail "(a) the current runs name commit(s) $(commits "$work/ab/c0" | paste -sd ,), not HEAD $head"
elif ! grep -q "ab/b0.*ab/b1.*2 repeated runs pooled.*ab/c0.*ab/c1.*2 repeated runs pooled" "$work/ab/compare.md"; then
  fail "(a) compare.md does not name both sides' runs pooled: $(head -5 "$work/ab/compare.md")"
elif [[ -e $work/ab/baseline-src ]] || git -C "$root" worktree list | grep -q "$work"; then
  fail "(a) the baseline worktree was left behind: $(git -C "$root" worktree list | paste -sd ';')"
else
  pass "(a) b0, c0, b1, c1 made in turn from $parent and $head, compared (exit $code), the worktree removed"
fi

# (b)
bad() { # bad WHAT EXPECTED-MESSAGE ARGS...
  local what=$1 expected=$2 code=0
  shift 2
  "$ab" "$@" > "$work/bad.out" 2> "$work/bad.err" || code=$?
  if [[ $code != 2 || $(wc -l < "$work/bad.err") != 1 ]] || ! grep -q "$expected" "$work/bad.err"; then
    fail "(b) $what: exit $code, said: $(head -c 300 "$work/bad.err")"
    return 1
  fi
}
mkdir -p "$work/exists"
if bad "K of 0" "K must be a positive whole number, not 0" HEAD 0 "$work/k0" \
  && bad "an unknown revision" "no-such-rev is not a commit" no-such-rev 1 "$work/rev" \
  && bad "an existing directory" "already exists" HEAD 1 "$work/exists" \
  && [[ ! -e $work/k0 && ! -e $work/rev ]]; then
  pass "(b) K of 0, an unknown revision and an existing directory: exit 2, one line each, nothing run"
elif [[ -e $work/k0 || -e $work/rev ]]; then
  fail "(b) a refused call left a directory behind"
fi

echo "$passed passed, $failed failed (work files in $work)"
[[ $failed -eq 0 ]]
