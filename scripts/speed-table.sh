#!/usr/bin/env bash
# Regenerates docs/SPEED.md: builds harness/target/benchmarks.jar, runs the JMH benchmarks behind the speed targets
# of the scratch backend (one thread unless a row says otherwise) on one or more JDKs, keeps JMH's JSON in
# target/speed/jdk<N>/, and turns it into the Markdown tables, a column per JDK. About 20 minutes per JDK on 2 cores
# (dl4j, the slowest, runs on the first JDK only). Run from anywhere:
#
#   scripts/speed-table.sh                                  # on the java on PATH
#   scripts/speed-table.sh --java /usr/lib/jvm/jdk-17/bin/java --java /usr/lib/jvm/jdk-25   # one column each
#   scripts/speed-table.sh --table                          # only rebuild docs/SPEED.md from target/speed/
#
# --java takes a java executable or a JDK home, as `rnnbench run --java` does. The tables describe this machine
# (CPU model, cores, vector width, under its own heading); when docs/SPEED.md holds the tables of another machine,
# they move under "Earlier machines" instead of being overwritten, so the file shows the kernels across machines.
#
# Train step = forward + BPTT + clipping + Adam on a one-layer many-to-one model with 32 input features
# (harness/.../bench/ModelState.java). ms/step is the median of JMH's per-step samples (sample mode), which
# shrugs off short bursts of load from other processes better than the mean; the mean is in the JSON.
set -euo pipefail
cd "$(dirname "$0")/.."
SPEED=target/speed
JAR=harness/target/benchmarks.jar
usage="usage: speed-table.sh [--java PATH]... [--table]"
javas=()
table_only=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --java) [[ $# -ge 2 ]] || { echo "speed-table.sh: --java needs a path; $usage" >&2; exit 2; }
            javas+=("$2"); shift 2 ;;
        --table) table_only=1; shift ;;
        *) echo "speed-table.sh: unknown argument $1; $usage" >&2; exit 2 ;;
    esac
done
[[ ${#javas[@]} -gt 0 ]] || javas=("$(command -v java)")

# A JDK home or a java executable -> the executable; its feature release (17 for 17.0.15).
java_of() {
    if [[ -d "$1" ]]; then echo "$1/bin/java"; else echo "$1"; fi
}
feature_of() {
    "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\)[.\"-].*/\1/p' | head -1
}

# ND4J/OpenBLAS read this before the forks start; DJL and scratch take the threads parameter.
export OMP_NUM_THREADS=1
# DJL's backend asks for this (DjlBackend.ONEDNN_ISA): oneDNN's AVX-512 LSTM is wrong on some AVX-512 CPUs.
export ONEDNN_MAX_CPU_ISA=AVX2

run_jdk() { # JAVA FIRST: every benchmark on one JDK, into $SPEED/jdk<feature>/
    local java=$1 first=$2 feature out scratch
    feature=$(feature_of "$java")
    [[ -n "$feature" ]] || { echo "speed-table.sh: cannot read a version from '$java -version'" >&2; exit 2; }
    out=$SPEED/jdk$feature
    rm -rf "$out"
    mkdir -p "$out"
    "$java" -version 2>&1 | head -1 > "$out/java.txt"
    "$java" -XX:+PrintFlagsFinal -version 2>/dev/null | awk '$2 == "MaxVectorSize" || $2 == "UseAVX" {print $2, $4}' \
        > "$out/vector.txt"
    # The scratch backend's own JVM options for this release (ScratchBackend.jvmOptions(int)): JDK 17's C2 needs
    # -XX:-UseTypeSpeculation to keep the kernels' vectors unboxed, JDK 25's does not (docs/SPEED.md, Notes).
    scratch=(-p backend=scratch)
    [[ $feature -ge 25 ]] || scratch+=(-jvmArgsPrepend -XX:-UseTypeSpeculation)
    jmh() {
        local name=$1
        shift
        echo "$name:start $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/load.txt"
        "$java" -jar "$JAR" "$@" -bm sample -tu ms -rf json -rff "$out/$name.json" > "$out/$name.log" 2>&1
        echo "$name:end $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/load.txt"
    }
    # Bytes per step in average-time mode (sample mode's own sample buffers would count too), after a warm-up long
    # enough for C2 to compile every kernel of the slowest step.
    alloc() {
        local name=alloc-$1
        shift
        echo "$name:start $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/load.txt"
        "$java" -jar "$JAR" TrainStepBenchmark "${scratch[@]}" "$@" -bm avgt -tu ms -prof gc -rf json \
            -rff "$out/$name.json" > "$out/$name.log" 2>&1
        echo "$name:end $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/load.txt"
    }
    local small=(-p cell=rnn-tanh,lstm,gru -p hidden=64 -p batch=1,32 -p seqLen=20,100)
    jmh gemm 'GemmBenchmark|SgemmReferenceBenchmark' -f 1 -wi 3 -w 1 -i 5 -r 1
    jmh gemm-1024 GemmBenchmark.gemm -p kernel=scratch/fast -p m=1024 -p k=1024 -p n=1024 -f 1 -wi 3 -w 1 -i 5 -r 1
    jmh sgemm-1024 SgemmReferenceBenchmark -p m=1024 -p k=1024 -p n=1024 -f 1 -wi 3 -w 1 -i 5 -r 1
    for tile in 6x2 12x2; do
        jmh "gemm-tile-$tile" GemmBenchmark.gemm -p kernel=scratch/fast -p m=32,1024 -p k=160,1024 -p n=512,1024 \
            -jvmArgsPrepend "-Drnnbench.scratch.tile=$tile" -f 1 -wi 3 -w 1 -i 5 -r 1
    done
    jmh small-scratch TrainStepBenchmark "${scratch[@]}" "${small[@]}" -f 1 -wi 5 -w 1 -i 5 -r 1
    jmh small-djl TrainStepBenchmark -p backend=djl "${small[@]}" -f 1 -wi 3 -w 1 -i 5 -r 1
    [[ $first == 0 ]] || jmh small-dl4j TrainStepBenchmark -p backend=dl4j "${small[@]}" -f 1 -wi 2 -w 1 -i 3 -r 1
    local size
    for size in "128 32" "512 64"; do
        set -- $size
        local large=(-p cell=lstm -p hidden="$1" -p batch="$2" -p seqLen=100)
        jmh "h$1-scratch" TrainStepBenchmark "${scratch[@]}" "${large[@]}" -p threads=1,2 -f 1 -wi 3 -w 3 -i 5 -r 3
        jmh "h$1-djl" TrainStepBenchmark -p backend=djl "${large[@]}" -f 1 -wi 3 -w 3 -i 5 -r 3
        [[ $first == 0 ]] || jmh "h$1-dl4j" TrainStepBenchmark -p backend=dl4j "${large[@]}" -f 1 -wi 1 -w 3 -i 2 -r 5
    done
    alloc small "${small[@]}" -f 1 -wi 5 -w 1 -i 3 -r 1
    alloc h128 -p cell=lstm -p hidden=128 -p batch=32 -p seqLen=100 -f 1 -wi 5 -w 2 -i 3 -r 2
    alloc h512 -p cell=lstm -p hidden=512 -p batch=64 -p seqLen=100 -f 1 -wi 10 -w 3 -i 3 -r 3
}

if [[ $table_only == 0 ]]; then
    mvn -B -q -pl harness -am package -DskipTests
    rm -rf "$SPEED"
    first=1
    for j in "${javas[@]}"; do
        java=$(java_of "$j")
        [[ -x "$java" ]] || { echo "speed-table.sh: --java $j: not an executable java" >&2; exit 2; }
        run_jdk "$java" "$first"
        first=0
    done
fi

python3 scripts/speed_table.py "$SPEED" docs/SPEED.md
