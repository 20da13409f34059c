#!/usr/bin/env bash
# Measures the regression gate: how often `rnnbench compare` blames identical code (A/A pairs: two runs of the same
# command back to back) and how often it catches an injected 15% slowdown of one backend (the second run's step
# times of that backend resampled with replacement and multiplied by 1.15: a test-side injection, the product has
# no knob for it).
#
#   reports/scripts/gate-rates.sh PAIRS [--load|--load-all] [--backend ID] [--replicates K] [-- RUN ARGS...]
#                                                                     collect PAIRS+2K-1 runs, then judge
#   reports/scripts/gate-rates.sh collect DIR RUNS [--load|--load-all] [-- RUN ARGS...]
#                                                                     runs DIR/r0 .. DIR/r<RUNS-1>
#   reports/scripts/gate-rates.sh judge DIR [--backend ID] [--replicates K [--interleave]] [-- COMPARE ARGS...]
#                                                                     judge the runs of DIR again
#
# Runs are made back to back, r0, r1, ...; pair i is (r<i-1>, r<i>), baseline first, so RUNS runs give RUNS-1
# pairs, each two consecutive runs (every run but the first and last is in two pairs). Collecting once and judging
# many times is how a change to compare is measured on the same runs: `judge` uses the rnnbench of this checkout.
# With --replicates K each side of a pair is K consecutive runs, pooled by compare (BASELINE and CURRENT given as
# comma-separated lists): pair i is (r<i-1> .. r<i+K-2>) against the next K runs, so RUNS runs give RUNS-2K+1
# pairs, overlapping ones sharing runs (neighbouring pairs are not independent). With --interleave the same 2K runs
# are dealt out alternately, r<i-1>, r<i+1>, ... to the baseline and r<i>, r<i+2>, ... to the current: how runs
# of two builds made in turn compare, the machine's slow stretches falling on both sides alike.
#
# --load    start a competing CPU load (one busy loop per core, started and stopped by this script) during every
#           odd run: each pair then has one run at idle and one under load, the loaded one the current run in odd
#           pairs and the baseline in even ones
# --load-all the same load during every run: a busy machine, both runs of every pair under load
# --backend the backend slowed for the detection rate (default: the backend of the first record of r0), or all:
#           each backend slowed in turn, one injected comparison each, a detection count per backend
# RUN ARGS  what to run (default: --suite smoke); e.g. -- --suite quick
# COMPARE ARGS options for every compare, e.g. -- --run-noise 5% (judge only)
#
# Per pair it prints the machine's speed ratio compare reported for each backend (current / baseline), the A/A
# verdict and the verdict on the injected slowdown:
#   ok          exit 0: nothing flagged
#   REGRESSION  exit 1: a step-time (or metric) regression; on an A/A pair this is a false positive
#   refused     exit 2: the calibrations differ by more than the threshold ("machines are not comparable"): the
#               gate declined to blame the code, its right answer when the load changed between the runs
# The A/A pair is also compared with --allow-machine-change (judged relative to the calibration however far the
# machine's speed moved), and so is the injected slowdown, which is therefore always judged. The last line sums up:
#   A/A: <o> ok, <n> false positives, <r> refused of PAIRS (<m> false positives with --allow-machine-change);
#   injected +15%: <d> detected of PAIRS (load: ...; run: ...)
# and lines on what the machine allows: the run noise (per backend, the root mean square of the log of its
# Hodges-Lehmann ratio over the A/A pairs judged relative to the calibration: the --run-noise this machine and
# command need; with --replicates K, the --run-noise that makes compare, which counts it divided by sqrt(K), assume
# the noise measured with K runs a side: pooling does not shrink it as sqrt(K) (faster for heavy tails, slower for
# a drift that outlasts a run), so the one-run figure would misstate it); with one run a side, the runs a side
# compare needs to catch a 15% slowdown of a backend 19 times in 20 (the least K with
# (z_b + 1.645) * noise / sqrt(K) <= log 1.15, z_b the backends' joint 95% quantile; its configurations' spread is
# left out, so it is the least); and the median over the pairs of the smallest slowdown of the slowed backend
# compare said it would flag.
# PAIRS form works in a temporary directory, removed at the end unless KEEP=1 (then its path is printed).
set -euo pipefail
cd "$(dirname "$0")/../.."
usage="usage: gate-rates.sh PAIRS [--load|--load-all] [--backend ID|all] [--replicates K] [-- RUN ARGS...]
       | collect DIR RUNS [--load|--load-all] [-- RUN ARGS...]
       | judge DIR [--backend ID|all] [--replicates K [--interleave]] [-- COMPARE ARGS...]"
fail() { echo "gate-rates.sh: $*" >&2; exit 2; }
whole() { [[ $2 =~ ^[1-9][0-9]*$ ]] || fail "$1 must be a positive whole number, not $2"; }

busy_pids=()
compare_args=()
start_load() { # one busy loop per core, until stop_load
  for _ in $(seq "$(nproc)"); do (while :; do :; done) & busy_pids+=($!); done
}
stop_load() {
  [[ ${#busy_pids[@]} -eq 0 ]] || kill "${busy_pids[@]}" 2> /dev/null || true
  busy_pids=()
}
trap stop_load EXIT

collect() { # collect DIR RUNS LOAD RUN-ARGS... (LOAD 0: none, 1: every odd run, 2: every run)
  local dir=$1 runs=$2 load=$3
  shift 3
  local args=("$@")
  [[ ${#args[@]} -gt 0 ]] || args=(--suite smoke)
  mkdir -p "$dir"
  [[ ! -e "$dir/r0" ]] || fail "$dir already holds runs; collect into a new directory"
  printf '%s\n' "load=$load" "run=${args[*]}" > "$dir/collected"
  for ((i = 0; i < runs; i++)); do
    local loaded=$((load == 2 || (load == 1 && i % 2 == 1) ? 1 : 0))
    [[ $loaded == 1 ]] && start_load
    local t0=$SECONDS
    ./rnnbench run "${args[@]}" --out "$dir/r$i" --progress none > "$dir/r$i.log" 2>&1 || true
    stop_load
    echo "r$i $([[ $loaded == 1 ]] && echo loaded || echo idle) $((SECONDS - t0)) s" | tee -a "$dir/collected" >&2
  done
}

inject() { # copy of results $1 into $2 with backend $3's step times resampled and 15% slower
  rm -rf "$2"
  mkdir -p "$2"
  cp "$1/rnnbench.json" "$2/"
  python3 - "$1/runs.jsonl" "$2/runs.jsonl" "$3" <<'PY'
import json, random, sys
src, dst, backend = sys.argv[1:4]
rng = random.Random(15)
with open(src) as f, open(dst, "w") as out:
    for line in f:
        r = json.loads(line)
        if r["params"]["backend"] == backend and r["stepNanos"]:
            steps = r["stepNanos"]
            r["stepNanos"] = [round(rng.choice(steps) * 1.15) for _ in steps]
        out.write(json.dumps(r, separators=(",", ":")) + "\n")
PY
}

verdict() { # verdict WORK BASE CURRENT [options] → ok | REGRESSION | refused; the summary in WORK/compare.md
  local work=$1 code=0
  ./rnnbench compare "$2" "$3" "${@:4}" "${compare_args[@]}" --markdown "$work/compare.md" > /dev/null 2> "$work/compare.err" || code=$?
  case $code in
    0) echo ok ;;
    1) echo REGRESSION ;;
    2) if grep -q "machines are not comparable" "$work/compare.err"; then echo refused; else
         echo "error: $(head -c 300 "$work/compare.err")" >&2; echo error; fi ;;
    *) echo "error: $(head -c 300 "$work/compare.err")" >&2; echo error ;;
  esac
}

machine() { # the machine ratios compare noted, "backend xR ..."
  grep -o "machine speed of backend [^:]*: its calibration took x[0-9.]*" "$1/compare.md" 2> /dev/null \
    | sed 's/machine speed of backend \([^:]*\): its calibration took \(x[0-9.]*\)/\1 \2/' | paste -sd ' ' || true
}

judge() { # judge DIR BACKEND REPLICATES
  local dir=$1 backend=$2 k=$3 runs=0
  while [[ -d "$dir/r$runs" ]]; do runs=$((runs + 1)); done
  [[ $runs -ge $((2 * k)) ]] || fail "$dir holds $runs run(s) r0, r1, ...; judging with --replicates $k needs at least $((2 * k))"
  local work
  work=$(mktemp -d)
  local ok=0 false_pos=0 refused=0 rel_false_pos=0 pairs=$((runs - 2 * k + 1)) slowed_all
  local -A detected=()
  case $backend in
    all) slowed_all=$(python3 -c 'import json,sys; print(" ".join(sorted({json.loads(l)["params"]["backend"] for l in open(sys.argv[1])})))' "$dir/r0/runs.jsonl") ;;
    "") slowed_all=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["params"]["backend"])' "$dir/r0/runs.jsonl") ;;
    *) slowed_all=$backend ;;
  esac
  for ((i = 1; i <= pairs; i++)); do
    local a="" b="" s="" names="" j slowed
    local current=()
    for ((j = i - 1; j < i - 1 + 2 * k; j++)); do # the baseline's runs first, or every other run with --interleave
      if (( interleave ? (j - i + 1) % 2 == 0 : j < i - 1 + k )); then a+="${a:+,}$dir/r$j"; else
        b+="${b:+,}$dir/r$j"; s+="${s:+,}$work/s$j"; current+=("$j")
      fi
    done
    names=$(sed "s|$dir/||g" <<< "$a $b")
    local rel speed aa inj verdicts=""
    rel=$(verdict "$work" "$a" "$b" --allow-machine-change)
    speed=$(machine "$work")
    cp "$work/compare.md" "$work/pair$i.md"
    grep -o "^- backend [^:]*: x[0-9.]*" "$work/compare.md" | sed 's/^- backend \([^:]*\): x/\1 /' >> "$work/aa-ratios" || true
    aa=$(verdict "$work" "$a" "$b")
    for slowed in $slowed_all; do
      for j in "${current[@]}"; do inject "$dir/r$j" "$work/s$j" "$slowed"; done
      inj=$(verdict "$work" "$a" "$s" --allow-machine-change)
      cp "$work/compare.md" "$work/injected$i-$slowed.md"
      grep -o "^- backend $slowed: .*flags a slowdown of the whole backend from about x[0-9.]*" "$work/compare.md" \
        | grep -o "[0-9.]*$" | sed "s/^/$slowed /" >> "$work/limits" || true
      rm -rf "$work"/s[0-9]*
      [[ $inj == REGRESSION ]] && detected[$slowed]=$((${detected[$slowed]:-0} + 1))
      verdicts+="; $slowed +15%: $inj"
    done
    case $aa in ok) ok=$((ok + 1)) ;; REGRESSION) false_pos=$((false_pos + 1)) ;; refused) refused=$((refused + 1)) ;; esac
    [[ $rel == REGRESSION ]] && rel_false_pos=$((rel_false_pos + 1))
    echo "pair $i ($names): machine ${speed:-not calibrated}; A/A $aa (with --allow-machine-change: $rel)$verdicts"
  done
  mkdir -p "$dir/judged"
  cp "$work"/pair*.md "$work"/injected*.md "$dir/judged/"
  local caught=""
  for slowed in $slowed_all; do caught+="${caught:+, }$slowed ${detected[$slowed]:-0}"; done
  local sides="$k run(s) a side"
  ((interleave == 0)) || sides+=", interleaved"
  echo "A/A: $ok ok, $false_pos false positives, $refused refused of $pairs ($rel_false_pos false positives with" \
    "--allow-machine-change); injected +15%: $caught detected of $pairs ($(paste -sd ';' < <(head -2 "$dir/collected"))${compare_args[*]:+; compare ${compare_args[*]}}; $sides)"
  python3 - "$work/aa-ratios" "$work/limits" "$k" <<'PY'
import math, statistics, sys
ratios, limits, k = sys.argv[1:4]
by = {}
for line in open(ratios):
    backend, ratio = line.split()
    by.setdefault(backend, []).append(math.log(float(ratio)))
rms = {b: math.sqrt(sum(v * v for v in logs) / len(logs)) for b, logs in by.items()}
print("run noise (A/A, relative to the calibration): " + ", ".join(
    f"{b} {100 * (math.exp(r) - 1):.1f}%" for b, r in sorted(rms.items()))
    + ("; for compare: --run-noise " if k == "1"
       else f" with {k} runs a side pooled; for compare with {k} runs a side: --run-noise ")
    # compare counts --run-noise / sqrt(runs a side): the figure that gives the noise measured at this k
    + ",".join(f"{b}={100 * (math.exp(r * math.sqrt(int(k))) - 1):.0f}%" for b, r in sorted(rms.items()))
    if rms else "run noise: no backend verdicts to measure it")
if rms and k == "1":
    # compare widens a backend's interval by z_b * noise / sqrt(runs a side) (z_b: 95% over the backends together);
    # a slowdown s is caught 19 times in 20 when log(s) clears that plus 1.645 of the same noise
    z = statistics.NormalDist().inv_cdf(1 - 0.025 / len(rms)) + statistics.NormalDist().inv_cdf(0.95)
    print("runs a side for compare to catch a 15% slowdown of the backend 19 times in 20, from its run noise alone"
          " (the spread of its configurations adds to it): " + ", ".join(
              f"{b} {max(1, math.ceil((z * r / math.log(1.15)) ** 2))}" for b, r in sorted(rms.items())))
slowest = {}
for line in open(limits):
    if line.strip():
        backend, value = line.split()
        slowest.setdefault(backend, []).append(float(value))
for backend, values in sorted(slowest.items()):
    print(f"smallest slowdown of {backend} compare would flag (median over the pairs): x{statistics.median(values):.2f}")
PY
  rm -rf "$work"
}

options() { # --load / --load-all / --backend / --replicates / -- ARGS into load, backend, replicates, run_args
  load=0; backend=""; replicates=1; interleave=0; run_args=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --load) load=1; shift ;;
      --load-all) load=2; shift ;;
      --backend) backend=${2:?$usage}; shift 2 ;;
      --replicates) replicates=${2:?$usage}; whole --replicates "$replicates"; shift 2 ;;
      --interleave) interleave=1; shift ;;
      --) shift; run_args=("$@"); break ;;
      *) fail "unknown argument $1; $usage" ;;
    esac
  done
}

case "${1:?$usage}" in
  collect)
    dir=${2:?$usage}; runs=${3:?$usage}; whole RUNS "$runs"; shift 3; options "$@"
    [[ -z $backend && $interleave == 0 ]] || fail "--backend and --interleave are for judging; $usage"
    collect "$dir" "$runs" "$load" "${run_args[@]}" ;;
  judge)
    dir=${2:?$usage}; shift 2; options "$@"
    [[ $load == 0 ]] || fail "--load and --load-all are for collecting; $usage"
    compare_args=("${run_args[@]}")
    judge "$dir" "$backend" "$replicates" ;;
  *)
    pairs=$1; whole PAIRS "$pairs"; shift; options "$@"
    dir=$(mktemp -d)
    if [[ "${KEEP:-0}" == 1 ]]; then echo "runs kept in $dir" >&2; else trap 'stop_load; rm -rf "$dir"' EXIT; fi
    collect "$dir/runs" $((pairs + 2 * replicates - 1)) "$load" "${run_args[@]}"
    judge "$dir/runs" "$backend" "$replicates" ;;
esac
