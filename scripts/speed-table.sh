#!/usr/bin/env bash
# Regenerates docs/SPEED.md: builds harness/target/benchmarks.jar, runs the JMH benchmarks behind the speed targets
# of the scratch backend (one thread unless a row says otherwise), keeps JMH's JSON in target/speed/, and turns it
# into the Markdown tables. About 15-20 minutes on 2 cores. Run from anywhere:
#
#   scripts/speed-table.sh            # everything, then docs/SPEED.md
#   scripts/speed-table.sh --table    # only rebuild docs/SPEED.md from the JSON already in target/speed/
#
# Train step = forward + BPTT + clipping + Adam on a one-layer many-to-one model with 32 input features
# (harness/.../bench/ModelState.java). ms/step is the median of JMH's per-step samples (sample mode), which
# shrugs off short bursts of load from other processes better than the mean; the mean is in the JSON.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/speed
JAR=harness/target/benchmarks.jar
mkdir -p "$OUT" docs

# ND4J/OpenBLAS read this before the forks start; DJL and scratch take the threads parameter.
export OMP_NUM_THREADS=1
# DJL's backend asks for this (DjlBackend.ONEDNN_ISA): oneDNN's AVX-512 LSTM is wrong on some AVX-512 CPUs.
export ONEDNN_MAX_CPU_ISA=AVX2
# The scratch backend's own JVM option (ScratchBackend.NO_TYPE_SPECULATION), for its forks only.
SCRATCH=(-p backend=scratch -jvmArgsPrepend -XX:-UseTypeSpeculation)

load() {
    echo "$1 $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/load.txt"
}

jmh() {
    local name=$1
    shift
    load "$name:start"
    java -jar "$JAR" "$@" -bm sample -tu ms -rf json -rff "$OUT/$name.json" > "$OUT/$name.log" 2>&1
    load "$name:end"
}

# Bytes per step in average-time mode (sample mode's own sample buffers would count too), after a warm-up long
# enough for C2 to compile every kernel of the slowest step.
alloc() {
    load "alloc:start"
    java -jar "$JAR" TrainStepBenchmark "${SCRATCH[@]}" "$@" -bm avgt -tu ms -prof gc -rf json \
        -rff "$OUT/alloc-$(echo "$*" | tr -c 'a-z0-9' '_' | cut -c1-60).json" >> "$OUT/alloc.log" 2>&1
    load "alloc:end"
}

if [[ "${1:-}" != "--table" ]]; then
    mvn -B -q -pl harness -am package -DskipTests
    rm -f "$OUT"/*.json "$OUT/load.txt"
    small=(-p cell=rnn-tanh,lstm,gru -p hidden=64 -p batch=1,32 -p seqLen=20,100)
    jmh gemm 'GemmBenchmark|SgemmReferenceBenchmark' -f 1 -wi 3 -w 1 -i 5 -r 1
    jmh gemm-1024 GemmBenchmark.gemm -p kernel=scratch/fast -p m=1024 -p k=1024 -p n=1024 -f 1 -wi 3 -w 1 -i 5 -r 1
    jmh sgemm-1024 SgemmReferenceBenchmark -p m=1024 -p k=1024 -p n=1024 -f 1 -wi 3 -w 1 -i 5 -r 1
    jmh small-scratch TrainStepBenchmark "${SCRATCH[@]}" "${small[@]}" -f 1 -wi 5 -w 1 -i 5 -r 1
    jmh small-djl TrainStepBenchmark -p backend=djl "${small[@]}" -f 1 -wi 3 -w 1 -i 5 -r 1
    jmh small-dl4j TrainStepBenchmark -p backend=dl4j "${small[@]}" -f 1 -wi 2 -w 1 -i 3 -r 1
    for size in "128 32" "512 64"; do
        set -- $size
        large=(-p cell=lstm -p hidden="$1" -p batch="$2" -p seqLen=100)
        jmh "h$1-scratch" TrainStepBenchmark "${SCRATCH[@]}" "${large[@]}" -p threads=1,2 -f 1 -wi 3 -w 3 -i 5 -r 3
        jmh "h$1-djl" TrainStepBenchmark -p backend=djl "${large[@]}" -f 1 -wi 3 -w 3 -i 5 -r 3
        jmh "h$1-dl4j" TrainStepBenchmark -p backend=dl4j "${large[@]}" -f 1 -wi 1 -w 3 -i 2 -r 5
    done
    alloc "${small[@]}" -f 1 -wi 5 -w 1 -i 3 -r 1
    alloc -p cell=lstm -p hidden=128 -p batch=32 -p seqLen=100 -f 1 -wi 5 -w 2 -i 3 -r 2
    alloc -p cell=lstm -p hidden=512 -p batch=64 -p seqLen=100 -f 1 -wi 10 -w 3 -i 3 -r 3
fi

python3 - "$OUT" docs/SPEED.md <<'PY'
import glob, json, os, platform, subprocess, sys

out, md = sys.argv[1], sys.argv[2]
INPUT = 32
GATES = {"rnn-tanh": 1, "rnn-relu": 1, "lstm": 4, "gru": 3}

rows = {}      # (cell, hidden, batch, seqLen, threads) -> backend -> (median, mean, error) ms
allocs = {}    # same key -> scratch bytes per step (average-time run with -prof gc)
gemm = {}
for path in sorted(glob.glob(os.path.join(out, "*.json"))):
    for r in json.load(open(path)):
        # a kernel benchmark names its kernel backend/name in the parameter "kernel" (fast, naive, libtorch, openblas)
        name = r.get("params", {}).get("kernel", r["benchmark"].rsplit(".", 1)[-1]).rsplit("/", 1)[-1]
        m = r["primaryMetric"]
        median = m["scorePercentiles"].get("50.0")
        if "GemmBenchmark" in r["benchmark"] or "SgemmReferenceBenchmark" in r["benchmark"]:
            gemm[(name, int(r["params"]["m"]))] = (median, m["scorePercentiles"].get("0.0"), r["params"])
            continue
        p = r["params"]
        key = (p["cell"], int(p["hidden"]), int(p["batch"]), int(p["seqLen"]), int(p["threads"]))
        if r["mode"] == "avgt":
            allocs[key] = r["secondaryMetrics"]["gc.alloc.rate.norm"]["score"]
            continue
        rows.setdefault(key, {})[p["backend"]] = (median, m["score"], m["scoreError"])

def flops(key):
    cell, h, b, t, _ = key
    return 3 * 2.0 * b * GATES[cell] * h * (INPUT + h) * t

def fmt(x, digits=3):
    if x is None:
        return "-"
    return f"{x:.{digits}g}" if x < 100 else f"{x:.0f}"

def ratio(a, b):
    return "-" if a is None or b is None else f"{b / a:.2f}x"

lines = ["# Speed of the scratch backend", "",
         "Generated by `scripts/speed-table.sh` from the JMH JSON in `target/speed/`; edit the script, not this file.",
         "", "## Train step (forward + BPTT + clipping + Adam), one thread", "",
         "Model: dense input of 32 features, one layer, many-to-one head, MSE. ms/step: median of JMH samples. "
         "GFLOP/s: 3 x 2*B*G*H*(32+H)*T / time (G = 1, 4, 3 for RNN, LSTM, GRU). speed-up: the other backend's "
         "time over scratch's. alloc: bytes allocated per scratch step (JMH `-prof gc`, gc.alloc.rate.norm, in a "
         "separate average-time run).", "",
         "| cell | H | B | T | scratch ms | djl ms | dl4j ms | scratch GFLOP/s | djl GFLOP/s | dl4j GFLOP/s "
         "| vs djl | vs dl4j | alloc B/step |",
         "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
for key in sorted(k for k in rows if k[4] == 1):
    r = rows[key]
    ms = {b: r[b][0] if b in r else None for b in ("scratch", "djl", "dl4j")}
    gf = {b: (flops(key) / (ms[b] * 1e6) if ms[b] else None) for b in ms}
    alloc = allocs.get(key)
    cell, h, b, t, _ = key
    lines.append(f"| {cell} | {h} | {b} | {t} | {fmt(ms['scratch'])} | {fmt(ms['djl'])} | {fmt(ms['dl4j'])} "
                 f"| {fmt(gf['scratch'])} | {fmt(gf['djl'])} | {fmt(gf['dl4j'])} "
                 f"| {ratio(ms['scratch'], ms['djl'])} | {ratio(ms['scratch'], ms['dl4j'])} "
                 f"| {fmt(alloc)} |")

lines += ["", "## Two threads", "", "| cell | H | B | T | 1 thread ms | 2 threads ms | speed-up |", "|---|---|---|---|---|---|---|"]
for key in sorted(k for k in rows if k[4] == 2):
    one = rows.get(key[:4] + (1,), {}).get("scratch")
    two = rows[key].get("scratch")
    if one and two:
        cell, h, b, t, _ = key
        lines.append(f"| {cell} | {h} | {b} | {t} | {fmt(one[0])} | {fmt(two[0])} | {one[0] / two[0]:.2f}x |")

lines += ["", "## GEMM, one thread", "",
          "fast, naive: the scratch kernel and its twin; libtorch (MKL) and openblas (ND4J): the vendor sgemm of the "
          "framework backends on the same shapes (`SgemmReferenceBenchmark`); fmaPeak: independent FMA chains and "
          "nothing else. best: the fastest single sample.", "",
          "| benchmark | shape | median us | GFLOP/s median | GFLOP/s best |", "|---|---|---|---|---|"]
for key in sorted(gemm, key=lambda k: (k[1], ("fast", "naive", "libtorch", "openblas", "fmaPeak").index(k[0]))):
    name = key[0]
    if name == "fmaPeak" and key[1] != 32:
        continue
    median_ms, best_ms, p = gemm[key]
    if name == "fmaPeak":
        work, shape = 12 * 4096 * 8 * 2, "12 chains x 4096 FMA x 8 lanes"
    else:
        m, k, n = int(p["m"]), int(p["k"]), int(p["n"])
        work, shape = 2.0 * m * n * k, f"{m}x{k}x{n}"
    lines.append(f"| {name} | {shape} | {median_ms * 1e3:.1f} | {work / (median_ms * 1e6):.1f} "
                 f"| {work / (best_ms * 1e6):.1f} |")

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
lines += ["", "## Machine", "", f"- CPU: {cpu}, {os.cpu_count()} cores; {java}; {platform.system()} {platform.machine()}",
          "- Load average (1, 5, 15 min) at the start and end of each JMH run:", "", "```"]
lines += [l.rstrip() for l in open(os.path.join(out, "load.txt"))] + ["```", ""]
open(md + ".table", "w").write("\n".join(lines))
print("wrote", md + ".table")
PY

# docs/SPEED.md = the generated tables followed by the hand-written notes (everything from "## Notes" on)
notes=""
if [[ -f docs/SPEED.md ]] && grep -q '^## Notes' docs/SPEED.md; then
    notes=$(sed -n '/^## Notes/,$p' docs/SPEED.md)
fi
{ cat docs/SPEED.md.table; echo; if [[ -n "$notes" ]]; then printf '%s\n' "$notes"; fi; } > docs/SPEED.md
rm docs/SPEED.md.table
echo "wrote docs/SPEED.md"
