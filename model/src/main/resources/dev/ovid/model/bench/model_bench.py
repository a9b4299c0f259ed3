"""PyTorch peer of `bin/ovid bench model` (dev.ovid.model.bench.ModelBenchmark).

Started by the Java side with the folder it wrote (random HF CLIP and T5 folders, the initial
trainable tensors, the frames and bench.json). It loads the same weights, prints "ready", then
answers one request per stdin line, so both sides stay warm and alternate step by step:
  train   one training step (forward, backward, clipping, AdamW)  -> "<ms> <loss>"
  infer   one video-inference batch                              -> "<ms>"
  quit
The model is HF transformers' CLIPModel and T5ForConditionalGeneration for the frozen parts and a
line-by-line re-implementation of Ovid's temporal branch, learnable LLM prompt label encoder,
objective, AdamW and clipping. Always float32 (PyTorch's default), on the device bench.json names
(cpu or cuda; CUDA timings synchronize before reading the clock).
"""
import json
import math
import sys
import time
from pathlib import Path

import torch
import torch.nn.functional as F
import transformers
from safetensors.torch import load_file
from torch.nn.utils.stateless import functional_call
from transformers import (CLIPConfig, CLIPModel, CLIPTokenizer, T5Config,
                          T5ForConditionalGeneration, T5TokenizerFast)

# transformers 5 changed the CLIP encoder's calls (no causal_attention_mask; a layer returns a
# tensor, not a tuple). GPU hosts often carry 5.x, the CPU bench venv pins 4.x: speak both.
TRANSFORMERS_4 = int(transformers.__version__.split(".")[0]) < 5


def first(out):
    return out[0] if isinstance(out, tuple) else out


MASK = (1 << 64) - 1
# dev.ovid.model.label.LearnableLlmPromptConfig.DEFAULT_SOFT_PROMPT_SCALE: soft prompts are the linear map's output
# times this many standard deviations of the CLIP text tower's token-embedding entries.
SOFT_PROMPT_SCALE = 0.1
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


class VideoSide:
    """Ovid's video encoder: frozen CLIP vision tower + temporal branch on its last T layers."""

    def __init__(self, clip, p, frames, temporal_layers):
        self.clip, self.p, self.f, self.t = clip, p, frames, temporal_layers
        vc = clip.config.vision_config
        self.layers, self.heads = vc.num_hidden_layers, vc.num_attention_heads
        self.eps, self.width = vc.layer_norm_eps, vc.hidden_size

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
            seq = first(functional_call(layer, blended, (seq, None, None) if TRANSFORMERS_4 else (seq, None)))
            seq = seq.reshape(videos, fr, patches + 1, w)
            tmp = seq[:, :, 0, :].mean(1)
            x = seq[:, :, 1:, :]
        return tmp

    def embed(self, frames, alpha):
        b = frames.shape[0]
        mean = torch.tensor([0.48145466, 0.4578275, 0.40821073], device=frames.device).reshape(3, 1, 1)
        std = torch.tensor([0.26862954, 0.26130258, 0.27577711], device=frames.device).reshape(3, 1, 1)
        pix = ((frames - mean) / std).reshape(-1, *frames.shape[2:])
        vm = self.clip.vision_model
        with torch.no_grad():
            out = vm(pixel_values=pix, output_hidden_states=True)
            cls = self.clip.visual_projection(out.pooler_output)
        tmp = self.branch(out.hidden_states, b, alpha)
        e_tmp = normalize(self.clip.visual_projection(vm.post_layernorm(tmp)))
        e_cls = normalize(cls.reshape(b, self.f, -1))
        return normalize(torch.cat([e_tmp[:, None], e_cls], 1).mean(1))


class LabelSide:
    """Ovid's learnable LLM prompt encoder (dev.ovid.model.label.LearnableLlmPromptEncoder)."""

    def __init__(self, clip, clip_tok, t5, t5_tok, p, prompts):
        self.clip, self.t5, self.p, self.cfg = clip, t5, p, prompts
        self.clip_tok, self.t5_tok = clip_tok, t5_tok
        self.cache_ok = True
        # PromptTransformer's fixed outScale: population standard deviation over all entries
        e = clip.text_model.embeddings.token_embedding.weight.detach().float()
        self.out_scale = float(SOFT_PROMPT_SCALE * ((e - e.mean()).square().mean().sqrt()).item())

    def prompt_transformer(self, x):
        p, heads = self.p, self.cfg["transformerHeads"]
        width = x.shape[-1]
        hd = width // heads

        def ln(v, name):
            return F.layer_norm(v, (width,), p[f"label.prompt_transformer.{name}.weight"], p[f"label.prompt_transformer.{name}.bias"], 1e-5)

        def dense(v, name):
            return F.linear(v, p[f"label.prompt_transformer.{name}.weight"], p[f"label.prompt_transformer.{name}.bias"])

        for i in range(self.cfg["transformerLayers"]):
            pre = f"layers.{i}."
            b, l, _ = x.shape
            qkv = dense(ln(x, pre + "ln1"), pre + "attn.qkv").reshape(b, l, 3, heads, hd).permute(2, 0, 3, 1, 4)
            q = qkv[0] * (1.0 / math.sqrt(hd))
            att = (q @ qkv[1].transpose(-1, -2)).softmax(-1) @ qkv[2]
            x = x + dense(att.transpose(1, 2).reshape(b, l, width), pre + "attn.out")
            h = dense(ln(x, pre + "ln2"), pre + "mlp.fc1")
            h = 0.5 * h * (1 + torch.erf(h / math.sqrt(2.0)))
            x = x + dense(h, pre + "mlp.fc2")
        y = dense(ln(x, "ln_final"), "proj").float()
        # each soft token at a fixed root-mean-square size, as PromptTransformer does
        return y / (y.square().mean(-1, keepdim=True) + 1e-5).sqrt() * self.out_scale

    def greedy_tokens(self, enc, mask, steps):
        t5 = self.t5
        batch = enc.shape[0]
        start = t5.config.decoder_start_token_id
        seq = torch.full((batch, 1), start, dtype=torch.long, device=enc.device)
        with torch.no_grad():
            past = None
            cur = seq
            for _ in range(steps):
                if self.cache_ok:
                    try:
                        out = t5.decoder(input_ids=cur, encoder_hidden_states=enc, encoder_attention_mask=mask,
                                         past_key_values=past, use_cache=True)
                        past = out.past_key_values
                        last = out.last_hidden_state[:, -1]
                    except Exception as e:  # older/newer cache APIs: recompute without a cache
                        print(f"decoder cache unavailable ({e}); recomputing", file=sys.stderr)
                        self.cache_ok = False
                if not self.cache_ok:
                    last = t5.decoder(input_ids=seq, encoder_hidden_states=enc,
                                      encoder_attention_mask=mask).last_hidden_state[:, -1]
                token = t5.lm_head(last).argmax(-1)
                seq = torch.cat([seq, token[:, None]], 1)
                cur = token[:, None]
        return seq

    def encode(self, labels):
        cfg, t5 = self.cfg, self.t5
        n, k, l = cfg["prefixes"], cfg["attributes"], cfg["attributeLength"]
        c = len(labels)
        enc_in = self.t5_tok([cfg["template"].replace("{label}", x) for x in labels], padding=True, return_tensors="pt")
        dev = self.p["label.prefixes"].device
        ids, ids_mask = enc_in.input_ids.to(dev), enc_in.attention_mask.to(dev)
        m = ids.shape[1]
        d = t5.config.d_model
        tokens = t5.shared(ids)[:, None].expand(c, n, m, d)
        prefix = self.p["label.prefixes"].reshape(1, n, 1, d).expand(c, n, 1, d)
        embeds = torch.cat([prefix, tokens], 2).reshape(c * n, 1 + m, d)
        mask = torch.cat([torch.ones(c, n, 1, dtype=ids_mask.dtype, device=dev), ids_mask[:, None].expand(c, n, m)], 2).reshape(c * n, 1 + m)
        enc = t5.encoder(inputs_embeds=embeds, attention_mask=mask).last_hidden_state
        seq = self.greedy_tokens(enc.detach(), mask, k * l)
        hidden = t5.decoder(input_ids=seq[:, :-1], encoder_hidden_states=enc, encoder_attention_mask=mask).last_hidden_state
        soft = self.prompt_transformer(hidden.reshape(c * n * k, l, d))  # [c·G, L, W]
        groups = n * k
        tm = self.clip.text_model
        width_w = soft.shape[-1]
        label_ids = [self.clip_tok(x, add_special_tokens=False).input_ids for x in labels]
        longest = max(len(x) for x in label_ids)
        t = 2 + l + longest
        pad = self.clip.config.text_config.pad_token_id
        rows, eos = [], []
        for x in label_ids:
            row = [self.clip_tok.bos_token_id] + [pad] * l + x + [self.clip_tok.eos_token_id]
            eos.append(len(row) - 1)
            rows.append(row + [pad] * (t - len(row)))
        tok = tm.embeddings.token_embedding(torch.tensor(rows, device=dev))
        bos = tok[:, :1][:, None].expand(c, groups, 1, width_w)
        tail = tok[:, 1 + l:][:, None].expand(c, groups, t - 1 - l, width_w)
        inputs = torch.cat([bos, soft.reshape(c, groups, l, width_w), tail], 2).reshape(c * groups, t, width_w)
        h = inputs + tm.embeddings.position_embedding.weight[:t]
        causal = torch.full((t, t), torch.finfo(h.dtype).min, device=dev).triu(1)[None, None]
        if TRANSFORMERS_4:
            h = tm.encoder(inputs_embeds=h, attention_mask=None, causal_attention_mask=causal).last_hidden_state
        else:  # transformers 5 folds the causal mask into attention_mask
            h = tm.encoder(inputs_embeds=h, attention_mask=causal).last_hidden_state
        h = tm.final_layer_norm(h)
        pooled = h[torch.arange(c * groups, device=dev), torch.tensor(eos, device=dev).repeat_interleave(groups)]
        feats = normalize(self.clip.text_projection(pooled))
        return normalize(feats.reshape(c, groups, -1).mean(1))


def main():
    d = Path(sys.argv[1])
    threads = int(sys.argv[2])
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    bench = json.loads((d / "bench.json").read_text())
    cfg = bench["config"]
    clip_dir, t5_dir = Path(bench["clip_dir"]), Path(bench["t5_dir"])
    clip = CLIPModel(CLIPConfig.from_pretrained(clip_dir))
    missing, unexpected = clip.load_state_dict(load_file(clip_dir / "model.safetensors"), strict=False)
    if unexpected or [x for x in missing if not x.endswith("position_ids")]:
        raise SystemExit(f"CLIP weights do not fit: missing {missing}, unexpected {unexpected}")
    t5_config = T5Config.from_pretrained(t5_dir)
    # transformers 5 reads T5's "tie_word_embeddings": false as true, tying lm_head to the shared
    # embeddings, so loading lm_head.weight would overwrite them: keep what the checkpoint says.
    t5_config.tie_word_embeddings = json.loads((t5_dir / "config.json").read_text()).get("tie_word_embeddings", True)
    t5 = T5ForConditionalGeneration(t5_config)
    missing, unexpected = t5.load_state_dict(load_file(t5_dir / "model.safetensors"), strict=False)
    if unexpected or [x for x in missing if not x.endswith("embed_tokens.weight")]:
        raise SystemExit(f"T5 weights do not fit: missing {missing}, unexpected {unexpected}")
    # The checkpoint stores the token table once, as shared.weight; transformers 5 no longer ties
    # the stacks' embed_tokens to it when tie_word_embeddings is false, so tie them here.
    t5.encoder.embed_tokens.weight = t5.shared.weight
    t5.decoder.embed_tokens.weight = t5.shared.weight
    dev = torch.device("cuda" if bench.get("device") == "cuda" else "cpu")
    sync = torch.cuda.synchronize if dev.type == "cuda" else (lambda: None)
    for m in (clip, t5):
        m.to(dev)
        m.eval()
        for prm in m.parameters():
            prm.requires_grad_(False)
    clip_tok = CLIPTokenizer(str(clip_dir / "vocab.json"), str(clip_dir / "merges.txt"))
    t5_tok = T5TokenizerFast(tokenizer_file=str(t5_dir / "tokenizer.json"))
    params = {k: v.to(dev).clone().requires_grad_(True) for k, v in load_file(d / "trainable_init.safetensors").items()}
    frames = load_file(d / "frames.safetensors")["frames"].to(dev)
    vocab, positives = bench["vocabulary"], bench["positives"]
    videos = len(positives)
    targets = torch.zeros(videos, len(vocab), device=dev)
    for v, pos in enumerate(positives):
        targets[v, pos] = 1.0
    video = VideoSide(clip, params, cfg["frames"], cfg["temporalLayers"])
    labels = LabelSide(clip, clip_tok, t5, t5_tok, params, bench["prompts"])
    decay = [v for k, v in params.items() if k.endswith(".weight") and v.dim() >= 2]
    other = [v for k, v in params.items() if not (k.endswith(".weight") and v.dim() >= 2)]
    opt = torch.optim.AdamW(
        [{"params": decay, "weight_decay": cfg["weightDecay"]}, {"params": other, "weight_decay": 0.0}],
        lr=cfg["learningRate"], betas=(cfg["adamBeta1"], cfg["adamBeta2"]), eps=cfg["adamEpsilon"])
    total = cfg["epochs"]
    lam = torch.tensor(cfg["swrLambda"], dtype=torch.float32).item()

    def lr(step):
        w = cfg["warmupSteps"]
        if w > 0 and step < w:
            return cfg["learningRate"] * (step + 1) / w
        progress = min(1.0, (step - w) / max(1, total - w))
        return cfg["learningRate"] * (cfg["minLearningRateRatio"] + (1 - cfg["minLearningRateRatio"]) * 0.5 * (1 + math.cos(math.pi * progress)))

    step = 0
    print(f"ready {torch.__version__}", flush=True)
    for line in sys.stdin:
        cmd = line.strip()
        if cmd == "train":
            sync()
            t0 = time.perf_counter()
            alpha = float(torch.tensor(counter_random_double(cfg["seed"], 3, step) * lam, dtype=torch.float32))
            v = video.embed(frames, alpha)
            text = labels.encode(vocab)
            logits = v @ text.T / cfg["temperature"]
            loss = -(targets * log_sigmoid(logits) + cfg["negativeWeight"] * (1 - targets) * log_sigmoid(-logits)).sum() / videos
            opt.zero_grad(set_to_none=True)
            loss.backward()
            if cfg["gradientClipNorm"] > 0:
                torch.nn.utils.clip_grad_norm_(list(params.values()), cfg["gradientClipNorm"])
            for g in opt.param_groups:
                g["lr"] = lr(step)
            opt.step()
            value = loss.item()
            sync()
            step += 1
            print(f"{(time.perf_counter() - t0) * 1000:.3f} {value:.7f}", flush=True)
        elif cmd == "infer":
            sync()
            t0 = time.perf_counter()
            with torch.no_grad():
                video.embed(frames, lam / 2).cpu().numpy()
            print(f"{(time.perf_counter() - t0) * 1000:.3f}", flush=True)
        elif cmd == "quit":
            break
        else:
            print(f"error unknown request {cmd!r}", flush=True)


if __name__ == "__main__":
    main()
