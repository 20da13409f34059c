#!/usr/bin/env bash
# The measurements recorded in impl-djl/FINDINGS.md, each in its own offline, single-threaded, quiet JVM.
#   impl-djl/measure.sh memory [steps]   RSS over a long run, both backends (default 10000 steps)
#   impl-djl/measure.sh speed            ms per train step, fused vs unrolled, three cells
# Env: DJL_CACHE_DIR (default impl-djl/target/djl-cache), PIN (e.g. "taskset -c 1").
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl impl-djl -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
CP="impl-djl/target/test-classes:impl-djl/target/classes:$(cat impl-djl/target/classpath.txt)"
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$PWD/impl-djl/target/djl-cache}"
export OMP_NUM_THREADS=1
run() {
  ${PIN:-} java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn ${JAVA_OPTS:-} -cp "$CP" "$@"
}
echo "# $(date -u +%FT%TZ) $(getconf _NPROCESSORS_ONLN) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg),$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
case "${1:-}" in
  memory)
    for id in djl djl:unrolled; do
      JAVA_OPTS="-Xms256m -Xmx256m -XX:+AlwaysPreTouch" run org.rnnbench.djl.measure.MemoryRun "$id" "${2:-10000}"
    done ;;
  speed)
    for cell in lstm gru rnn-tanh; do
      run org.rnnbench.djl.measure.SpeedRun djl,djl:unrolled "$cell" 32 128 32 100 5 40
    done
    run org.rnnbench.djl.measure.SpeedRun djl,djl:unrolled lstm 32 32 1 20 100 400 ;;
  *) echo "usage: $0 memory [steps] | speed" >&2; exit 2 ;;
esac
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
