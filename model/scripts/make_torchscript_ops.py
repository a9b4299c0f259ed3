#!/usr/bin/env python3
"""Writes the small TorchScript modules that dev.ovid.model.core.TorchScriptOps runs, into
model/src/main/resources/dev/ovid/model/core/:

- to_bf16.pt, to_fp16.pt, to_fp32.pt: casts between float32 and bfloat16 / float16;
- attention.pt, masked_attention.pt: torch's fused scaled_dot_product_attention, without and with
  an additive mask.

Why: DJL 0.35.1's PyTorch JNI maps no DJL data type to torch.bfloat16 (NDArray.toType(BFLOAT16)
aborts the JVM in native code), its toType runs under a no-grad guard so no DJL cast carries a
gradient (float16, which DJL knows, needs the TorchScript cast for that reason alone), and it does not expose the fused attention kernels. TorchScript run in training mode
records autograd like Python does (ToCopyBackward0, the attention kernels' own backward).

Run once from the repository root with torch 2.7.1 (the bench venv has it):
  .ovid/tools/bench-venv/bin/python model/scripts/make_torchscript_ops.py
"""
import os

import torch
import torch.nn.functional as F


class ToBf16(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.to(torch.bfloat16)


class ToFp16(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.to(torch.float16)


class ToFp32(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.to(torch.float32)


class Attention(torch.nn.Module):
    """softmax(q kᵀ / √d) v over [B, H, T, d] inputs."""

    def forward(self, q: torch.Tensor, k: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
        return F.scaled_dot_product_attention(q, k, v)


class MaskedAttention(torch.nn.Module):
    """The same with an additive mask broadcastable to [B, H, T, T] (cast to q's type)."""

    def forward(self, q: torch.Tensor, k: torch.Tensor, v: torch.Tensor,
                mask: torch.Tensor) -> torch.Tensor:
        return F.scaled_dot_product_attention(q, k, v, attn_mask=mask.to(q.dtype))


def main():
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main",
                          "resources", "dev", "ovid", "model", "core")
    os.makedirs(folder, exist_ok=True)
    modules = (("to_bf16.pt", ToBf16()), ("to_fp16.pt", ToFp16()), ("to_fp32.pt", ToFp32()),
               ("attention.pt", Attention()), ("masked_attention.pt", MaskedAttention()))
    for name, module in modules:
        out = os.path.join(folder, name)
        torch.jit.script(module).save(out)
        print(out, os.path.getsize(out), "bytes, torch", torch.__version__)


if __name__ == "__main__":
    main()
