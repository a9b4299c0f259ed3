#!/usr/bin/env python3
"""Writes model/src/main/resources/dev/ovid/model/core/to_bf16.pt, a TorchScript module that
casts a tensor to bfloat16 (differentiably).

Why: DJL 0.35.1's PyTorch JNI maps no DJL data type to torch.bfloat16 (NDArray.toType(BFLOAT16)
aborts the JVM in native code), but it runs TorchScript, whose result it can then multiply, add
and cast back to float32 like any tensor. dev.ovid.model.core.Autocast loads this module once.

Run once from the repository root with torch 2.7.1 (the bench venv has it):
  .ovid/tools/bench-venv/bin/python model/scripts/make_bf16_cast.py
"""
import os

import torch


class ToBf16(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.to(torch.bfloat16)


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "resources",
                       "dev", "ovid", "model", "core", "to_bf16.pt")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    torch.jit.script(ToBf16()).save(out)
    print(out, os.path.getsize(out), "bytes, torch", torch.__version__)


if __name__ == "__main__":
    main()
