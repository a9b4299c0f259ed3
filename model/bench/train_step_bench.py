"""PyTorch side of the Ovid training-step benchmark (see train_step_bench.sh).

Reads what dev.ovid.model.bench.TrainStepBenchmark wrote (random HF CLIP folder, initial
trainable tensors, frames, configuration, Ovid's losses and timings), runs the same training
steps in PyTorch -- HF transformers' CLIPModel for the frozen towers and a line-by-line
re-implementation of Ovid's temporal branch, objective, AdamW and clipping -- then prints both
timings, their ratio and how far the two loss curves are apart.
"""
import argparse
import json
import math
import statistics
import time
from pathlib import Path

import torch
import torch.nn.functional as F
from safetensors.torch import load_file
from torch.nn.utils.stateless import functional_call
from transformers import CLIPConfig, CLIPModel, CLIPTokenizer

MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


def mix(z):
    z = (z + GOLDEN) & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def counter_random_double(seed, *keys):
    """First nextDouble() of dev.ovid.model.core.CounterRandom(seed, keys...)."""
    s = mix(seed & MASK)
    for k in keys:
        s = mix(s ^ mix((k + GOLDEN) & MASK))
    return (mix(s) >> 11) * 2.0 ** -53


def normalize(x):
    return x / x.norm(dim=-1, keepdim=True).clamp_min(1e-12)


def log_sigmoid(z):
    return torch.minimum(z, torch.zeros_like(z)) - torch.log(torch.exp(-z.abs()) + 1)


def self_attention(x, p, prefix, heads):
    n, s, w = x.shape
    hd = w // heads
    q = F.linear(x, p[prefix + "q_proj.weight"], p[prefix + "q_proj.bias"]) * (1.0 / math.sqrt(hd))
    k = F.linear(x, p[prefix + "k_proj.weight"], p[prefix + "k_proj.bias"])
    v = F.linear(x, p[prefix + "v_proj.weight"], p[prefix + "v_proj.bias"])
    q = q.reshape(n, s, heads, hd).transpose(1, 2)
    k = k.reshape(n, s, heads, hd).permute(0, 2, 3, 1)
    v = v.reshape(n, s, heads, hd).transpose(1, 2)
    out = (q @ k).softmax(-1) @ v
    out = out.transpose(1, 2).reshape(n, s, w)
    return F.linear(out, p[prefix + "out_proj.weight"], p[prefix + "out_proj.bias"])


class Ovid:
    def __init__(self, clip, p, frames, temporal_layers):
        self.clip = clip
        self.p = p
        self.f = frames
        self.t = temporal_layers
        vc = clip.config.vision_config
        self.layers = vc.num_hidden_layers
        self.heads = vc.num_attention_heads
        self.eps = vc.layer_norm_eps
        self.width = vc.hidden_size

    def branch(self, hidden, videos, alpha):
        p, fr, w = self.p, self.f, self.width
        tmp = x = None
        for j in range(self.t):
            b = f"video.branch.block{j}."
            t = self.layers - self.t + j
            tok = hidden[t].reshape(videos, fr, -1, w)
            proj = F.linear(tok[:, :, 1:, :], p[b + "proj.weight"], p[b + "proj.bias"])
            if j == 0:
                tmp = tok[:, :, 0, :].mean(1)
                x = proj + p["video.branch.pos.spatial"] + p["video.branch.pos.temporal"].reshape(fr, 1, w)
            else:
                x = x + proj
            patches = x.shape[2]
            seq = x.permute(0, 2, 1, 3).reshape(videos * patches, fr, w)
            h = F.layer_norm(seq, (w,), p[b + "temporal.layer_norm.weight"], p[b + "temporal.layer_norm.bias"], self.eps)
            seq = seq + self_attention(h, p, b + "temporal.", self.heads)
            x = seq.reshape(videos, patches, fr, w).permute(0, 2, 1, 3)
            layer = self.clip.vision_model.encoder.layers[t]
            frozen = dict(layer.named_parameters())
            blended = {k: v + alpha * (p[b + "spatial." + k] - v) for k, v in frozen.items()}
            seq = torch.cat([tmp.reshape(videos, 1, 1, w).expand(videos, fr, 1, w), x], 2)
            seq = seq.reshape(videos * fr, patches + 1, w)
            seq = functional_call(layer, blended, (seq, None, None))[0]
            seq = seq.reshape(videos, fr, patches + 1, w)
            tmp = seq[:, :, 0, :].mean(1)
            x = seq[:, :, 1:, :]
        return tmp

    def embed_videos(self, frames, alpha):
        b = frames.shape[0]
        mean = torch.tensor([0.48145466, 0.4578275, 0.40821073]).reshape(3, 1, 1)
        std = torch.tensor([0.26862954, 0.26130258, 0.27577711]).reshape(3, 1, 1)
        pix = ((frames - mean) / std).reshape(-1, *frames.shape[2:])
        vm = self.clip.vision_model
        with torch.no_grad():
            out = vm(pixel_values=pix, output_hidden_states=True)
            cls = self.clip.visual_projection(out.pooler_output)
        tmp = self.branch(out.hidden_states, b, alpha)
        e_tmp = normalize(self.clip.visual_projection(vm.post_layernorm(tmp)))
        e_cls = normalize(cls.reshape(b, self.f, -1))
        return normalize(torch.cat([e_tmp[:, None], e_cls], 1).mean(1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", type=Path)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--fixture", type=Path, help="also write PyTorch's losses here (a test fixture)")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    d = args.dir
    ovid = json.loads((d / "ovid.json").read_text())
    cfg = ovid["config"]
    clip_dir = d / ovid["clip_dir"]
    # Ovid's safetensors carry no {"format": "pt"} metadata, which from_pretrained insists on
    clip = CLIPModel(CLIPConfig.from_pretrained(clip_dir))
    missing, unexpected = clip.load_state_dict(load_file(clip_dir / "model.safetensors"), strict=False)
    if unexpected or [m for m in missing if not m.endswith("position_ids")]:
        raise SystemExit(f"CLIP weights do not fit: missing {missing}, unexpected {unexpected}")
    clip.eval()
    for prm in clip.parameters():
        prm.requires_grad_(False)
    tok = CLIPTokenizer(str(clip_dir / "vocab.json"), str(clip_dir / "merges.txt"))
    params = {k: v.clone().requires_grad_(True) for k, v in load_file(d / "trainable_init.safetensors").items()}
    frames = load_file(d / "frames.safetensors")["frames"]
    vocab = ovid["vocabulary"]
    positives = ovid["positives"]
    videos = len(positives)
    targets = torch.zeros(videos, len(vocab))
    for v, pos in enumerate(positives):
        targets[v, pos] = 1.0
    model = Ovid(clip, params, cfg["frames"], cfg["temporalLayers"])
    ctx = clip.config.text_config.max_position_embeddings
    prompts = [f"a video of {label}." for label in vocab]

    decay = [v for k, v in params.items() if k.endswith(".weight") and v.dim() >= 2]
    other = [v for k, v in params.items() if not (k.endswith(".weight") and v.dim() >= 2)]
    opt = torch.optim.AdamW(
        [{"params": decay, "weight_decay": cfg["weightDecay"]}, {"params": other, "weight_decay": 0.0}],
        lr=cfg["learningRate"], betas=(cfg["adamBeta1"], cfg["adamBeta2"]), eps=cfg["adamEpsilon"])
    total = cfg["epochs"]  # one step per epoch: the batch is the whole dataset
    lam = torch.tensor(cfg["swrLambda"], dtype=torch.float32).item()

    def lr(step):
        w = cfg["warmupSteps"]
        if w > 0 and step < w:
            return cfg["learningRate"] * (step + 1) / w
        progress = min(1.0, (step - w) / max(1, total - w))
        return cfg["learningRate"] * (cfg["minLearningRateRatio"] + (1 - cfg["minLearningRateRatio"]) * 0.5 * (1 + math.cos(math.pi * progress)))

    losses, step_ms = [], []
    for step in range(total):
        t0 = time.perf_counter()
        alpha = float(torch.tensor(counter_random_double(cfg["seed"], 3, step) * lam, dtype=torch.float32))
        ids = tok(prompts, padding="max_length", max_length=ctx, truncation=True, return_tensors="pt").input_ids
        with torch.no_grad():
            text = normalize(clip.get_text_features(input_ids=ids))
        video = model.embed_videos(frames, alpha)
        logits = video @ text.T / cfg["temperature"]
        loss = -(targets * log_sigmoid(logits) + cfg["negativeWeight"] * (1 - targets) * log_sigmoid(-logits)).sum() / videos
        opt.zero_grad(set_to_none=True)
        loss.backward()
        if cfg["gradientClipNorm"] > 0:
            torch.nn.utils.clip_grad_norm_(list(params.values()), cfg["gradientClipNorm"])
        for g in opt.param_groups:
            g["lr"] = lr(step)
        opt.step()
        step_ms.append((time.perf_counter() - t0) * 1000)
        losses.append(loss.item())

    infer_ms = []
    eval_alpha = lam / 2
    for _ in range(total):
        t0 = time.perf_counter()
        with torch.no_grad():
            model.embed_videos(frames, eval_alpha).numpy()
        infer_ms.append((time.perf_counter() - t0) * 1000)

    py_step = statistics.median(step_ms[2:])
    py_infer = statistics.median(infer_ms[2:])
    o_step = ovid["train_step_ms_median"]
    o_infer = ovid["infer_ms_median"]
    diffs = [abs(a - b) for a, b in zip(losses, ovid["losses"])]
    print(f"threads {args.threads}; Ovid {ovid['engine']}; PyTorch {torch.__version__}")
    print(f"{'':18}{'Ovid (DJL)':>12}{'PyTorch':>12}{'Ovid/PyTorch':>14}")
    print(f"{'train step ms':18}{o_step:12.2f}{py_step:12.2f}{o_step / py_step:14.2f}")
    print(f"{'inference ms':18}{o_infer:12.2f}{py_infer:12.2f}{o_infer / py_infer:14.2f}")
    print(f"loss first/last: Ovid {ovid['losses'][0]:.6f} -> {ovid['losses'][-1]:.6f}, "
          f"PyTorch {losses[0]:.6f} -> {losses[-1]:.6f}")
    print(f"max |loss difference| over {len(diffs)} steps: {max(diffs):.3e} (first step {diffs[0]:.3e})")
    if args.fixture:
        import transformers
        args.fixture.parent.mkdir(parents=True, exist_ok=True)
        args.fixture.write_text(json.dumps({
            "about": "PyTorch losses of TrainStepBenchmark's configuration; made by model/bench/train_step_bench.py --fixture",
            "torch": torch.__version__, "transformers": transformers.__version__,
            "steps": total, "losses": losses}, indent=2) + "\n")
    (d / "pytorch.json").write_text(json.dumps({"losses": losses, "train_step_ms_median": py_step, "infer_ms_median": py_infer}, indent=2))


if __name__ == "__main__":
    main()
