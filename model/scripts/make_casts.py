#!/usr/bin/env python3
"""Writes the two TorchScript casts that dev.ovid.model.core.Autocast runs:
model/src/main/resources/dev/ovid/model/core/to_bf16.pt (float32 -> bfloat16) and to_fp32.pt
(bfloat16 -> float32).

Why: DJL 0.35.1's PyTorch JNI maps no DJL data type to torch.bfloat16 (NDArray.toType(BFLOAT16)
aborts the JVM in native code), and its toType runs under a no-grad guard, so no DJL cast carries
a gradient. TorchScript run in training mode records ToCopyBackward like Python does.

Run once from the repository root with torch 2.7.1 (the bench venv has it):
  .ovid/tools/bench-venv/bin/python model/scripts/make_casts.py
"""
import os

import torch


class ToBf16(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.to(torch.bfloat16)


class ToFp32(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.to(torch.float32)


def main():
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main",
                          "resources", "dev", "ovid", "model", "core")
    os.makedirs(folder, exist_ok=True)
    for name, module in (("to_bf16.pt", ToBf16()), ("to_fp32.pt", ToFp32())):
        out = os.path.join(folder, name)
        torch.jit.script(module).save(out)
        print(out, os.path.getsize(out), "bytes, torch", torch.__version__)


if __name__ == "__main__":
    main()
