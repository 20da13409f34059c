#!/usr/bin/env bash
# Measures the regression gate: how often `rnnbench compare` flags identical code (A/A pairs: two runs of the same
# command back to back) and how often it catches an injected 15% slowdown of one backend (the current run's step
# times of that backend resampled with replacement and multiplied by 1.15, a test-side injection: the product has
# no knob for it).
#
#   reports/scripts/gate-rates.sh PAIRS [--load] [--backend ID] [-- RUN ARGS...]
#
# PAIRS     number of A/A pairs (each pair is two runs); 20 for a 1-in-20 false-positive bound
# --load    start a competing CPU load (one busy process per core) during the second run of every pair
# --backend the backend slowed for the detection rate (default: the first backend of the results)
# RUN ARGS  what to run (default: --suite smoke)
#
# Prints one line per pair (A/A verdict, injected-slowdown verdict) and the two rates. Work goes to a temporary
# directory, removed at the end unless KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
pairs=${1:?usage: gate-rates.sh PAIRS [--load] [--backend ID] [-- RUN ARGS...]}
shift
load=0
backend=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --load) load=1; shift ;;
    --backend) backend=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "gate-rates.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
run_args=("$@")
[[ ${#run_args[@]} -gt 0 ]] || run_args=(--suite smoke)
work=$(mktemp -d)
[[ "${KEEP:-0}" == 1 ]] || trap 'rm -rf "$work"' EXIT

busy() { # one busy loop per core until killed
  local pids=()
  for _ in $(seq "$(nproc)"); do (while :; do :; done) & pids+=($!); done
  echo "${pids[@]}"
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

verdict() { # compare $1 $2 → ok | REGRESSION | refused (exit 2)
  local code=0
  ./rnnbench compare "$1" "$2" > "$work/compare.md" 2> "$work/compare.err" || code=$?
  case $code in 0) echo ok ;; 1) echo REGRESSION ;; *) echo "refused($(head -c 120 "$work/compare.err"))" ;; esac
}

false_pos=0
detected=0
for i in $(seq "$pairs"); do
  ./rnnbench run "${run_args[@]}" --out "$work/a$i" --progress none > /dev/null 2>&1
  pids=""
  [[ $load == 1 ]] && pids=$(busy)
  ./rnnbench run "${run_args[@]}" --out "$work/b$i" --progress none > /dev/null 2>&1 || true
  [[ -n "$pids" ]] && kill $pids 2> /dev/null || true
  slowed=${backend:-$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["params"]["backend"])' "$work/b$i/runs.jsonl")}
  inject "$work/b$i" "$work/s$i" "$slowed"
  aa=$(verdict "$work/a$i" "$work/b$i")
  inj=$(verdict "$work/a$i" "$work/s$i")
  [[ $aa == ok ]] || false_pos=$((false_pos + 1))
  [[ $inj == REGRESSION ]] && detected=$((detected + 1))
  echo "pair $i: A/A $aa; $slowed +15%: $inj"
done
echo "false positives (A/A not ok): $false_pos of $pairs; injected slowdown detected: $detected of $pairs" \
  "(load: $([[ $load == 1 ]] && echo competing || echo none); run: ${run_args[*]})"
