#!/usr/bin/env python3
"""Turns the JMH JSON of scripts/speed-table.sh (SPEED/jdk<N>/*.json) into docs/SPEED.md.

    speed_table.py SPEED_DIR SPEED_MD

The tables of this machine go under a heading naming it (CPU model, cores, vector width). docs/SPEED.md keeps,
below them, the tables of earlier machines ("## Earlier machines") and the hand-written notes ("## Notes" to the
end): when the tables already there are of another machine, they move under "Earlier machines"; when they are of
this one, they are replaced.
"""
import glob
import json
import os
import platform
import re
import sys

INPUT = 32
GATES = {"rnn-tanh": 1, "rnn-relu": 1, "lstm": 4, "gru": 3}
TITLE = "# Speed of the scratch backend"
MACHINE = "## Machine: "
EARLIER = "## Earlier machines"
NOTES = "## Notes"
KERNELS = ("fast", "naive", "libtorch", "openblas", "fmaPeak")
# the shapes of the tile comparison (the script's -p lists also make their cross products, which are left out)
TILE_SHAPES = ((32, 160, 512), (1024, 1024, 1024))


def load(jdk_dir):
    """rows[(cell, H, B, T, threads)][backend] = median ms; allocs[key] = B/step; gemm[(name, m)] = (median, best,
    params, lanes); tiles[(tile, m)] = median ms."""
    rows, allocs, gemm, tiles = {}, {}, {}, {}
    for path in sorted(glob.glob(os.path.join(jdk_dir, "*.json"))):
        try:
            results = json.load(open(path))
        except ValueError:
            print(f"speed_table.py: {path} is not JMH JSON (an interrupted run?); left out", file=sys.stderr)
            continue
        for r in results:
            p = r.get("params", {})
            m = r["primaryMetric"]
            median = m["scorePercentiles"].get("50.0")
            bench = r["benchmark"]
            if "GemmBenchmark" in bench or "SgemmReferenceBenchmark" in bench:
                # a kernel benchmark names its kernel backend/name in the parameter "kernel"
                name = p.get("kernel", bench.rsplit(".", 1)[-1]).rsplit("/", 1)[-1]
                tile = next((a.split("=", 1)[1] for a in r.get("jvmArgs", [])
                             if a.startswith("-Drnnbench.scratch.tile=")), None)
                shape = (int(p["m"]), int(p["k"]), int(p["n"]))
                if tile and shape in TILE_SHAPES:
                    tiles[(tile, shape[0])] = median
                elif tile:
                    continue
                else:
                    gemm[(name, int(p["m"]))] = (median, m["scorePercentiles"].get("0.0"), p)
                continue
            key = (p["cell"], int(p["hidden"]), int(p["batch"]), int(p["seqLen"]), int(p["threads"]))
            if r["mode"] == "avgt":
                allocs[key] = r["secondaryMetrics"]["gc.alloc.rate.norm"]["score"]
                continue
            rows.setdefault(key, {})[p["backend"]] = median
    return rows, allocs, gemm, tiles


def flops(key):
    cell, h, b, t, _ = key
    return 3 * 2.0 * b * GATES[cell] * h * (INPUT + h) * t


def fmt(x, digits=3):
    if x is None:
        return "-"
    return f"{x:.{digits}g}" if x < 100 else f"{x:.0f}"


def ratio(a, b):
    """b over a: how many times faster a is."""
    return "-" if a is None or b is None else f"{b / a:.2f}x"


def table(header, body):
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + \
           ["| " + " | ".join(str(c) for c in row) + " |" for row in body]


def vector_width(jdk_dir):
    flags = dict(l.split() for l in open(os.path.join(jdk_dir, "vector.txt")) if len(l.split()) == 2)
    size = int(flags.get("MaxVectorSize", "0"))
    avx = int(flags.get("UseAVX", "0"))
    isa = {3: "AVX-512", 2: "AVX2", 1: "AVX"}.get(avx, "SSE" if platform.machine() in ("x86_64", "amd64") else "")
    registers = 32 if avx >= 3 or platform.machine() == "aarch64" else 16
    return f"{isa} ({size * 8}-bit vectors: {size // 4} float lanes, {registers} vector registers)".strip()


def machine(jdk_dirs):
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    return f"{cpu}, {os.cpu_count()} cores, {vector_width(jdk_dirs[0])}"


def generate(speed):
    jdk_dirs = sorted(glob.glob(os.path.join(speed, "jdk*")), key=lambda d: int(d.rsplit("jdk", 1)[1]))
    if not jdk_dirs:
        sys.exit(f"speed_table.py: no {speed}/jdk*/ with JMH JSON; run scripts/speed-table.sh first")
    jdks = [int(d.rsplit("jdk", 1)[1]) for d in jdk_dirs]
    data = {j: load(d) for j, d in zip(jdks, jdk_dirs)}
    first = next((j for j in jdks if any("dl4j" in r for r in data[j][0].values())), jdks[0])
    out = [MACHINE + machine(jdk_dirs), ""]
    out += [f"- JDK {j}: {open(os.path.join(d, 'java.txt')).read().strip()}" for j, d in zip(jdks, jdk_dirs)]
    out += [f"- dl4j on JDK {first} only (the slowest to run); every other figure on each JDK, its ratios within "
            "the same JDK's run.", ""]

    out += ["### Train step (forward + BPTT + clipping + Adam), one thread", "",
            "Model: dense input of 32 features, one layer, many-to-one head, MSE. ms: median of JMH samples per step. "
            "vs djl, vs dl4j: the other backend's time over scratch's on the same JDK. GFLOP/s: 3 x 2*B*G*H*(32+H)*T / "
            "time (G = 1, 4, 3 for RNN, LSTM, GRU). alloc: bytes allocated per scratch step (JMH `-prof gc`, "
            "gc.alloc.rate.norm, in a separate average-time run; JMH's own bookkeeping is in it).", ""]
    header = ["cell", "H", "B", "T"] + [f"scratch ms ({j})" for j in jdks] + [f"djl ms ({j})" for j in jdks] + \
             [f"dl4j ms ({first})"] + [f"vs djl ({j})" for j in jdks] + [f"vs dl4j ({first})"] + \
             [f"scratch GFLOP/s ({j})" for j in jdks] + [f"alloc B/step ({j})" for j in jdks]
    keys = sorted({k for j in jdks for k in data[j][0] if k[4] == 1})
    body = []
    for key in keys:
        ms = {j: data[j][0].get(key, {}) for j in jdks}
        row = list(key[:4]) + [fmt(ms[j].get("scratch")) for j in jdks] + [fmt(ms[j].get("djl")) for j in jdks]
        row += [fmt(ms[first].get("dl4j"))] + [ratio(ms[j].get("scratch"), ms[j].get("djl")) for j in jdks]
        row += [ratio(ms[first].get("scratch"), ms[first].get("dl4j"))]
        row += [fmt(flops(key) / (ms[j]["scratch"] * 1e6)) if ms[j].get("scratch") else "-" for j in jdks]
        row += [fmt(data[j][1].get(key)) for j in jdks]
        body.append(row)
    out += table(header, body)

    out += ["", "### Two threads", "", "scratch, ms per step and the speed-up of 2 threads over 1.", ""]
    header = ["cell", "H", "B", "T"] + [f"{c} ({j})" for j in jdks for c in ("1 thread ms", "2 threads ms",
                                                                             "speed-up")]
    body = []
    for key in sorted({k for j in jdks for k in data[j][0] if k[4] == 2}):
        row = list(key[:4])
        for j in jdks:
            one = data[j][0].get(key[:4] + (1,), {}).get("scratch")
            two = data[j][0].get(key, {}).get("scratch")
            row += [fmt(one), fmt(two), ratio(two, one)]
        body.append(row)
    out += table(header, body)

    out += ["", "### GEMM, one thread", "",
            "fast, naive: the scratch kernel (with the tile this machine selects) and its twin; libtorch and "
            "openblas: the vendor sgemm of the framework backends on the same shapes (`SgemmReferenceBenchmark`); "
            "fmaPeak: independent chains of FMAs on the preferred vector width and nothing else. vs libtorch: "
            "libtorch's median time over the kernel's.", ""]
    header = ["benchmark", "shape"] + [f"{c} ({j})" for j in jdks for c in ("median us", "GFLOP/s median",
                                                                            "GFLOP/s best", "vs libtorch")]
    names = sorted({k for j in jdks for k in data[j][2]}, key=lambda k: (k[1], KERNELS.index(k[0])))
    body = []
    for key in names:
        name, m_rows = key
        if name == "fmaPeak" and m_rows != 32:
            continue
        row = [name, None]
        for j in jdks:
            g = data[j][2].get(key)
            if g is None:
                row += ["-"] * 4
                continue
            median_ms, best_ms, p = g
            if name == "fmaPeak":
                work, shape = fma_peak_work(jdk_dirs[jdks.index(j)])
            else:
                m, k, n = int(p["m"]), int(p["k"]), int(p["n"])
                work, shape = 2.0 * m * n * k, f"{m}x{k}x{n}"
            row[1] = shape
            lib = data[j][2].get(("libtorch", m_rows))
            row += [f"{median_ms * 1e3:.1f}", f"{work / (median_ms * 1e6):.1f}", f"{work / (best_ms * 1e6):.1f}",
                    ratio(median_ms, lib[0]) if lib and name not in ("libtorch", "fmaPeak") else "-"]
        body.append(row)
    out += table(header, body)

    tiles = sorted({k for j in jdks for k in data[j][3]}, key=lambda k: (k[1], int(k[0].split("x")[0])))
    if tiles:
        out += ["", "#### The kernel with each tile", "",
                "`GemmBenchmark.gemm` with `-Drnnbench.scratch.tile=...`: median us per product (GFLOP/s).", ""]
        shapes = sorted({k[1] for k in tiles})
        header = ["tile"] + [f"{'32x160x512' if s == 32 else f'{s}x{s}x{s}'} ({j})" for j in jdks for s in shapes]
        body = []
        for tile in sorted({k[0] for k in tiles}, key=lambda t: int(t.split("x")[0])):
            row = [tile]
            for j in jdks:
                for s in shapes:
                    ms = data[j][3].get((tile, s))
                    work = 2.0 * 32 * 160 * 512 if s == 32 else 2.0 * s ** 3
                    row.append("-" if ms is None else f"{ms * 1e3:.1f} ({work / (ms * 1e6):.0f})")
            body.append(row)
        out += table(header, body)

    out += ["", "### Load", "", "Load average (1, 5, 15 min) at the start and end of each JMH run:", "", "```"]
    for j, d in zip(jdks, jdk_dirs):
        out += [f"JDK {j} {l.rstrip()}" for l in open(os.path.join(d, "load.txt"))]
    out += ["```", ""]
    return out


def fma_peak_work(jdk_dir):
    """fmaPeak's work and shape: 12 chains x 4096 FMA on the JVM's preferred float vector."""
    flags = dict(l.split() for l in open(os.path.join(jdk_dir, "vector.txt")) if len(l.split()) == 2)
    lanes = max(int(flags.get("MaxVectorSize", "32")) // 4, 1)
    return 12 * 4096 * lanes * 2.0, f"12 chains x 4096 FMA x {lanes} lanes"


def demote(block):
    """A machine's tables one heading level down, for "Earlier machines"."""
    return [("#" + l if l.startswith("#") else l) for l in block]


def merge(md_path, tables):
    """docs/SPEED.md: title, this machine's tables, earlier machines, notes."""
    text = open(md_path).read().splitlines() if os.path.exists(md_path) else []
    notes = text[text.index(NOTES):] if NOTES in text else []
    head = text[:text.index(NOTES)] if NOTES in text else text
    earlier = head[head.index(EARLIER) + 1:] if EARLIER in head else []
    current = head[:head.index(EARLIER)] if EARLIER in head else head
    start = next((i for i, l in enumerate(current) if l.startswith(MACHINE)), None)
    if start is not None and current[start] != tables[0]:
        earlier = [""] + demote(current[start:]) + earlier
    while earlier and not earlier[0].strip():
        earlier = earlier[1:]
    lines = [TITLE, "",
             "Generated by `scripts/speed-table.sh` from the JMH JSON in `target/speed/`; edit the script, not the "
             "tables. The first section is the machine the tables were last generated on; each earlier machine's "
             "tables are kept below it.", ""]
    lines += tables
    if earlier:
        lines += [EARLIER, ""] + earlier
    if notes:
        lines += [""] + notes if lines[-1] else notes
    open(md_path, "w").write("\n".join(lines).rstrip("\n") + "\n")


if __name__ == "__main__":
    speed, md = sys.argv[1], sys.argv[2]
    merge(md, generate(speed))
    print("wrote", md)
