#!/usr/bin/env bash
# Measures the regression gate: how often `rnnbench compare` blames identical code (A/A pairs: two runs of the same
# command back to back) and how often it catches an injected 15% slowdown of one backend (the second run's step
# times of that backend resampled with replacement and multiplied by 1.15: a test-side injection, the product has
# no knob for it).
#
#   reports/scripts/gate-rates.sh PAIRS [--load] [--backend ID] [-- RUN ARGS...]
#
# PAIRS     number of A/A pairs (each pair is two runs); 20 for the 1-in-20 / 19-in-20 figures
# --load    start a competing CPU load (one busy loop per core, started and stopped by this script) during the
#           second run of every pair
# --backend the backend slowed for the detection rate (default: the backend of the second run's first record)
# RUN ARGS  what to run (default: --suite smoke); e.g. -- --suite quick
#
# Per pair it prints the machine's speed ratio compare reported for each backend (second run / first run), the
# A/A verdict and the verdict on the injected slowdown:
#   ok          exit 0: nothing flagged
#   REGRESSION  exit 1: a step-time (or metric) regression; on an A/A pair this is a false positive
#   refused     exit 2: the calibrations differ by more than the threshold ("machines not comparable"): the gate
#               declined to blame the code, which is its right answer when the load changed between the runs
# The A/A pair is also compared with --allow-machine-change (judged relative to the calibration however far the
# machine's speed moved), and so is the injected slowdown, which is therefore always judged. The last line sums up:
#   A/A: <o> ok, <n> false positives, <r> refused of PAIRS (<m> false positives with --allow-machine-change);
#   injected +15%: <d> detected of PAIRS (load: ...; run: ...)
# Work goes to a temporary directory, removed at the end unless KEEP=1 (then its path is printed).
set -euo pipefail
cd "$(dirname "$0")/../.."
usage="usage: gate-rates.sh PAIRS [--load] [--backend ID] [-- RUN ARGS...]"
pairs=${1:?$usage}
[[ $pairs =~ ^[1-9][0-9]*$ ]] || { echo "gate-rates.sh: PAIRS must be a positive whole number, not $pairs" >&2; exit 2; }
shift
load=0
backend=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --load) load=1; shift ;;
    --backend) backend=${2:?$usage}; shift 2 ;;
    --) shift; break ;;
    *) echo "gate-rates.sh: unknown argument $1; $usage" >&2; exit 2 ;;
  esac
done
run_args=("$@")
[[ ${#run_args[@]} -gt 0 ]] || run_args=(--suite smoke)
work=$(mktemp -d)
busy_pids=()
cleanup() {
  [[ ${#busy_pids[@]} -eq 0 ]] || kill "${busy_pids[@]}" 2> /dev/null || true
  if [[ "${KEEP:-0}" == 1 ]]; then echo "work kept in $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

start_load() { # one busy loop per core, until stop_load
  for _ in $(seq "$(nproc)"); do (while :; do :; done) & busy_pids+=($!); done
}

stop_load() {
  [[ ${#busy_pids[@]} -eq 0 ]] || kill "${busy_pids[@]}" 2> /dev/null || true
  busy_pids=()
}

inject() { # copy of results $1 into $2 with backend $3's step times resampled and 15% slower
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

verdict() { # compare $1 $2 [options] → ok | REGRESSION | refused; the summary in $work/compare.md
  local code=0
  ./rnnbench compare "$1" "$2" "${@:3}" --markdown "$work/compare.md" > /dev/null 2> "$work/compare.err" || code=$?
  case $code in
    0) echo ok ;;
    1) echo REGRESSION ;;
    2) if grep -q "machines are not comparable" "$work/compare.err"; then echo refused; else
         echo "error: $(head -c 200 "$work/compare.err")" >&2; echo error; fi ;;
    *) echo "error: $(head -c 200 "$work/compare.err")" >&2; echo error ;;
  esac
}

machine() { # the machine ratios compare noted, "backend xR ..."
  grep -o "machine speed of backend [^:]*: its calibration took x[0-9.]*" "$work/compare.md" 2> /dev/null \
    | sed 's/machine speed of backend \([^:]*\): its calibration took \(x[0-9.]*\)/\1 \2/' | paste -sd ' ' || true
}

ok=0; false_pos=0; refused=0; rel_false_pos=0; detected=0
for i in $(seq "$pairs"); do
  ./rnnbench run "${run_args[@]}" --out "$work/a$i" --progress none > "$work/a$i.log" 2>&1 || true
  [[ $load == 1 ]] && start_load
  ./rnnbench run "${run_args[@]}" --out "$work/b$i" --progress none > "$work/b$i.log" 2>&1 || true
  stop_load
  slowed=${backend:-$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["params"]["backend"])' "$work/b$i/runs.jsonl")}
  inject "$work/b$i" "$work/s$i" "$slowed"
  rel=$(verdict "$work/a$i" "$work/b$i" --allow-machine-change)
  speed=$(machine)
  aa=$(verdict "$work/a$i" "$work/b$i")
  inj=$(verdict "$work/a$i" "$work/s$i" --allow-machine-change)
  case $aa in ok) ok=$((ok + 1)) ;; REGRESSION) false_pos=$((false_pos + 1)) ;; refused) refused=$((refused + 1)) ;; esac
  [[ $rel == REGRESSION ]] && rel_false_pos=$((rel_false_pos + 1))
  [[ $inj == REGRESSION ]] && detected=$((detected + 1))
  echo "pair $i: machine ${speed:-not calibrated}; A/A $aa (with --allow-machine-change: $rel); $slowed +15%: $inj"
done
echo "A/A: $ok ok, $false_pos false positives, $refused refused of $pairs ($rel_false_pos false positives with" \
  "--allow-machine-change); injected +15%: $detected detected of" \
  "$pairs (load: $([[ $load == 1 ]] && echo competing || echo none); run: ${run_args[*]})"
