#!/usr/bin/env bash
# Regenerates the compare/report fixtures reports/src/test/resources/fixtures/run-a and run-b: two runs of the same
# configurations, each in its own JVM (FixtureGenerator), every train step timed for real with System.nanoTime.
#
# The two runs take turns unit by unit (ABBA order: A then B for even units, B then A for odd ones), so that load
# from other processes on a shared machine falls on both alike; run one after the other on this 2-core machine
# shared with other builds, whole runs came out up to 25% apart in speed, a real slowdown that no statistic can
# tell from a slower program. A raised priority stands in for a dedicated benchmark machine: a new session gets its
# own scheduler autogroup, whose nice value is what counts against other sessions.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -B -q -pl reports -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/test-classpath.txt
cp="reports/target/test-classes:reports/target/classes:$(cat reports/target/test-classpath.txt)"
fixtures=reports/src/test/resources/fixtures
rm -rf "$fixtures/run-a" "$fixtures/run-b"
start() {
  setsid bash -c 'echo -15 > /proc/self/autogroup 2>/dev/null || true; exec nice -n -15 java -cp "$0" \
    org.rnnbench.reports.fixture.FixtureGenerator "$1"' "$cp" "$1"
}
# each generator's stdin and stdout are kept on fds of our own; the coproc's copies are closed at once, so that
# closing ours is the end of input the generator waits for
coproc A { start "$fixtures/run-a"; }
exec {a_in}>&"${A[1]}" {a_out}<&"${A[0]}"
eval "exec ${A[1]}>&- ${A[0]}<&-"
coproc B { start "$fixtures/run-b"; }
exec {b_in}>&"${B[1]}" {b_out}<&"${B[0]}"
eval "exec ${B[1]}>&- ${B[0]}<&-"
read -r units <&"$a_out"
read -r units_b <&"$b_out"
[[ "$units" == "$units_b" ]] || { echo "the two generators disagree on the units: $units vs $units_b" >&2; exit 1; }
unit() { # $1 = input fd, $2 = output fd, $3 = unit index
  echo "$3" >&"$1"
  local reply
  read -r reply <&"$2"
  [[ "$reply" == "done $3" ]] || { echo "generator answered '$reply' to unit $3" >&2; exit 1; }
}
for ((k = 0; k < units; k++)); do
  if ((k % 2 == 0)); then unit "$a_in" "$a_out" "$k"; unit "$b_in" "$b_out" "$k"
  else unit "$b_in" "$b_out" "$k"; unit "$a_in" "$a_out" "$k"; fi
done
exec {a_in}>&- {b_in}>&-
wait
echo "wrote $fixtures/run-a and run-b ($units runs each)"
