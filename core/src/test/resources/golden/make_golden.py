#!/usr/bin/env python3
"""Writes the golden files of rnnbench's tests: PyTorch nn.LSTM / nn.GRU state_dicts saved as safetensors, and
for each an input with the outputs PyTorch would give; likewise for the minimal GRU and LSTM of Feng et al. 2024
("Were RNNs All We Needed?", sequential mode) in the layout a PyTorch module of them has: weight_ih_l{k}
(G*H, I_k) with rows [z | h~] (minGRU) or [f | i | h~] (minLSTM) and bias_ih_l{k} (G*H), no recurrent weights.

torch is not needed: the tensors are written in exactly the byte layout of
safetensors.torch.save_file(state_dict, path, metadata={"format": "pt"}): an 8-byte little-endian header length,
a compact JSON header with "__metadata__" first and the tensors sorted by name (all F32, so the dtype sort is a
no-op), padded with spaces to a multiple of 8, then the raw little-endian float32 data in the same order.
The expected outputs come from an independent numpy implementation of PyTorch's equations (layer by layer, in
float64 on the float32 weights and inputs), batch_first=True.

Run from this directory: python3 make_golden.py   (numpy only; the output is deterministic)
"""
import json
import struct

import numpy as np


def save_file(tensors, path, metadata):
    names = sorted(tensors)
    header = {"__metadata__": metadata}
    offset = 0
    for name in names:
        nbytes = tensors[name].astype("<f4").nbytes
        header[name] = {"dtype": "F32", "shape": list(tensors[name].shape),
                        "data_offsets": [offset, offset + nbytes]}
        offset += nbytes
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for name in names:
            f.write(np.ascontiguousarray(tensors[name], dtype="<f4").tobytes())


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def lstm(x, sd, layers):
    """PyTorch nn.LSTM(batch_first=True): gates [i, f, g, o]; returns output, h_n, c_n."""
    inp = x.astype(np.float64)
    h_n, c_n = [], []
    for k in range(layers):
        w_ih, w_hh = sd[f"weight_ih_l{k}"].astype(np.float64), sd[f"weight_hh_l{k}"].astype(np.float64)
        b_ih, b_hh = sd[f"bias_ih_l{k}"].astype(np.float64), sd[f"bias_hh_l{k}"].astype(np.float64)
        hidden = w_hh.shape[1]
        h = np.zeros((x.shape[0], hidden))
        c = np.zeros((x.shape[0], hidden))
        outs = []
        for t in range(x.shape[1]):
            gates = inp[:, t] @ w_ih.T + b_ih + h @ w_hh.T + b_hh
            i, f, g, o = np.split(gates, 4, axis=1)
            c = sigmoid(f) * c + sigmoid(i) * np.tanh(g)
            h = sigmoid(o) * np.tanh(c)
            outs.append(h)
        inp = np.stack(outs, axis=1)
        h_n.append(h)
        c_n.append(c)
    return inp, np.stack(h_n), np.stack(c_n)


def gru(x, sd, layers):
    """PyTorch nn.GRU(batch_first=True): gates [r, z, n], reset applied to (W_hn h + b_hn); returns output, h_n."""
    inp = x.astype(np.float64)
    h_n = []
    for k in range(layers):
        w_ih, w_hh = sd[f"weight_ih_l{k}"].astype(np.float64), sd[f"weight_hh_l{k}"].astype(np.float64)
        b_ih, b_hh = sd[f"bias_ih_l{k}"].astype(np.float64), sd[f"bias_hh_l{k}"].astype(np.float64)
        hidden = w_hh.shape[1]
        h = np.zeros((x.shape[0], hidden))
        outs = []
        for t in range(x.shape[1]):
            i_r, i_z, i_n = np.split(inp[:, t] @ w_ih.T + b_ih, 3, axis=1)
            h_r, h_z, h_hn = np.split(h @ w_hh.T + b_hh, 3, axis=1)
            r = sigmoid(i_r + h_r)
            z = sigmoid(i_z + h_z)
            n = np.tanh(i_n + r * h_hn)
            h = (1 - z) * n + z * h
            outs.append(h)
        inp = np.stack(outs, axis=1)
        h_n.append(h)
    return inp, np.stack(h_n)


def min_gru(x, sd, layers):
    """minGRU: rows [z, h~] of x only; h = (1 - z) * h + z * h~ from h = 0; returns output, h_n."""
    inp = x.astype(np.float64)
    h_n = []
    for k in range(layers):
        w_ih, b_ih = sd[f"weight_ih_l{k}"].astype(np.float64), sd[f"bias_ih_l{k}"].astype(np.float64)
        hidden = w_ih.shape[0] // 2
        a_z, a_h = np.split(inp @ w_ih.T + b_ih, 2, axis=2)  # every step at once: (B, T, H) each
        z = sigmoid(a_z)
        h = np.zeros((x.shape[0], hidden))
        outs = []
        for t in range(x.shape[1]):
            h = (1 - z[:, t]) * h + z[:, t] * a_h[:, t]
            outs.append(h)
        inp = np.stack(outs, axis=1)
        h_n.append(h)
    return inp, np.stack(h_n)


def min_lstm(x, sd, layers):
    """minLSTM: rows [f, i, h~] of x only; h = f / (f + i) * h + i / (f + i) * h~ from h = 0; returns output, h_n."""
    inp = x.astype(np.float64)
    h_n = []
    for k in range(layers):
        w_ih, b_ih = sd[f"weight_ih_l{k}"].astype(np.float64), sd[f"bias_ih_l{k}"].astype(np.float64)
        hidden = w_ih.shape[0] // 3
        a_f, a_i, a_h = np.split(inp @ w_ih.T + b_ih, 3, axis=2)
        f, i = sigmoid(a_f), sigmoid(a_i)
        h = np.zeros((x.shape[0], hidden))
        outs = []
        for t in range(x.shape[1]):
            h = f[:, t] / (f[:, t] + i[:, t]) * h + i[:, t] / (f[:, t] + i[:, t]) * a_h[:, t]
            outs.append(h)
        inp = np.stack(outs, axis=1)
        h_n.append(h)
    return inp, np.stack(h_n)


def min_state_dict(rng, gates, inputs, hidden, layers):
    bound = 1.0 / np.sqrt(hidden)
    sd = {}
    for k in range(layers):
        fan_in = inputs if k == 0 else hidden
        sd[f"weight_ih_l{k}"] = rng.uniform(-2 * bound, 2 * bound, (gates * hidden, fan_in)).astype(np.float32)
        sd[f"bias_ih_l{k}"] = rng.uniform(-bound, bound, gates * hidden).astype(np.float32)
    return sd


def state_dict(rng, gates, inputs, hidden, layers):
    bound = 1.0 / np.sqrt(hidden)
    sd = {}
    for k in range(layers):
        fan_in = inputs if k == 0 else hidden
        sd[f"weight_ih_l{k}"] = rng.uniform(-bound, bound, (gates * hidden, fan_in)).astype(np.float32)
        sd[f"weight_hh_l{k}"] = rng.uniform(-bound, bound, (gates * hidden, hidden)).astype(np.float32)
        sd[f"bias_ih_l{k}"] = rng.uniform(-bound, bound, gates * hidden).astype(np.float32)
        sd[f"bias_hh_l{k}"] = rng.uniform(-bound, bound, gates * hidden).astype(np.float32)
    return sd


def main():
    meta = {"format": "pt"}
    rng = np.random.default_rng(20261101)

    # 2-layer LSTM, I=3, H=4; input (B=2, T=5, I=3)
    sd = state_dict(rng, 4, 3, 4, 2)
    x = rng.standard_normal((2, 5, 3)).astype(np.float32)
    out, h_n, c_n = lstm(x, sd, 2)
    save_file(sd, "lstm_l2.safetensors", meta)
    save_file({"input": x, "output": out.astype(np.float32), "h_n": h_n.astype(np.float32),
               "c_n": c_n.astype(np.float32)}, "lstm_l2_io.safetensors", meta)

    # 2-layer GRU, I=3, H=4, with b_hn (the n rows of bias_hh) pushed away from 0 so that applying the reset
    # before or after it makes a visible difference; input (B=2, T=4, I=3)
    sd = state_dict(rng, 3, 3, 4, 2)
    for k in range(2):
        b = sd[f"bias_hh_l{k}"]
        b[8:] = (np.sign(b[8:]) * (0.6 + np.abs(b[8:]))).astype(np.float32)
    x = rng.standard_normal((2, 4, 3)).astype(np.float32)
    out, h_n = gru(x, sd, 2)
    save_file(sd, "gru_l2.safetensors", meta)
    save_file({"input": x, "output": out.astype(np.float32), "h_n": h_n.astype(np.float32)},
              "gru_l2_io.safetensors", meta)

    # the minimal cells, 2 layers, I=3, H=4, from their own generator (the files above stay as they were);
    # input (B=2, T=5, I=3)
    rng = np.random.default_rng(20261204)
    for name, gates, run in (("min_gru", 2, min_gru), ("min_lstm", 3, min_lstm)):
        sd = min_state_dict(rng, gates, 3, 4, 2)
        x = rng.standard_normal((2, 5, 3)).astype(np.float32)
        out, h_n = run(x, sd, 2)
        save_file(sd, f"{name}_l2.safetensors", meta)
        save_file({"input": x, "output": out.astype(np.float32), "h_n": h_n.astype(np.float32)},
                  f"{name}_l2_io.safetensors", meta)


if __name__ == "__main__":
    main()
