#!/usr/bin/env python3
"""Builds tiny random Hugging Face CLIP checkpoints with a tiny real BPE tokenizer, and writes the
reference outputs that the Java tests of dev.ovid.model.{weights,tokenizer,clip} must reproduce.

Run once from the repository root (CI never runs it; its outputs are committed):
  .ovid/venvs/fixtures/bin/python model/scripts/make_clip_fixtures.py
Optional check of the Java tokenizer against OpenAI's full 49408-token vocabulary (not committed):
  .ovid/venvs/fixtures/bin/python model/scripts/make_clip_fixtures.py --real-vocab \
      bpe_simple_vocab_16e6.txt.gz /tmp/clip-real-vocab TEXT_FILE...
  OVID_CLIP_TOKENIZER_DIR=/tmp/clip-real-vocab ./mvnw -pl model test -Dtest=ClipTokenizerTest
Optional check at a released size (random weights, bf16 file; vit-b-16 or vit-l-14):
  .ovid/venvs/fixtures/bin/python model/scripts/make_clip_fixtures.py --full-size \
      /tmp/clip-vit-b-16 /tmp/clip-real-vocab vit-b-16
  OVID_CLIP_CHECKPOINT_DIR=/tmp/clip-vit-b-16 ./mvnw -pl model test -Dtest=ClipParityTest
Environment used for the committed fixtures (model/scripts/requirements-fixtures.txt):
  Debian python3-torch 1.13.1 (CPU) in a venv made with --system-site-packages,
  transformers 4.44.2, tokenizers 0.19.1, safetensors 0.8.0, numpy 1.24.2 (< 2), no ftfy
  (so HF's slow CLIPTokenizer uses its BasicTokenizer clean-up, as the Java tokenizer does).

Writes under model/src/test/resources/fixtures/:
  clip-tokenizer/cases.json   [{"text", "ids", "ids_fast", "tokens"}]: ids by HF's slow
                              CLIPTokenizer (padding="max_length", max_length=77, truncation),
                              ids_fast by CLIPTokenizerFast for comparison, tokens = bare BPE pieces
  clip-tiny/                  f32 checkpoint: quick_gelu everywhere, eos_token_id = id of
                              <|endoftext|> (pooling at the first EOS)
  clip-tiny-f16/              weights stored as float16; vision uses exact gelu; text config keeps
                              the legacy eos_token_id = 2 (pooling at argmax of input_ids)
  clip-tiny-bf16/             weights stored as bfloat16; 3 layers, 2 heads, 48px images with 16px
                              patches, text uses exact gelu
  clip-safetensors/           dtypes.safetensors: one tensor as F32/F16/BF16/F64 plus I64/I32/I8/
                              U8/BOOL/scalar; expected_f32.safetensors: the float ones upcast in torch
Each checkpoint folder holds config.json, model.safetensors, vocab.json, merges.txt,
tokenizer_config.json, special_tokens_map.json, preprocessor_config.json and reference.safetensors:
  input_ids [B,77] int64, text_embeds [B,P], text_pooled [B,D], text_last_hidden [B,77,D],
  soft_inputs_embeds [B,77,D] (4 random prompt vectors ++ token embeddings of input_ids),
  soft_eos_positions [B] int64, soft_text_embeds [B,P] (HF's own modules run on those embeddings),
  pixel_values [2,3,H,W], image_embeds [2,P], vision_pooled [2,D],
  vision_hidden_states.K [2,1+N,D] for K = 0..L (HF output_hidden_states);
and reference_texts.json, the texts behind input_ids.
For f16/bf16 the references are HF's outputs for the stored low-precision weights upcast to f32.
"""
import collections
import json
import os
import shutil
import tempfile

import numpy as np
import torch
from safetensors.torch import save_file
from transformers import (CLIPConfig, CLIPModel, CLIPTokenizer, CLIPTokenizerFast)
from transformers.models.clip.tokenization_clip import BasicTokenizer, bytes_to_unicode
import regex

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources",
                    "fixtures")
NUM_MERGES = 300
CONTEXT = 77
BOS, EOS = "<|startoftext|>", "<|endoftext|>"
CLIP_PATTERN = regex.compile(
    r"""<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+""",
    regex.IGNORECASE)

CORPUS = [
    "a photo of a dog", "a photo of a cat", "a video of a person playing the guitar",
    "a video of people dancing at a wedding", "a dog catching a frisbee in the park",
    "the chef is cooking pasta in the kitchen", "a man riding a horse across the field",
    "children playing football after school", "a woman playing the piano on a stage",
    "surfing on big waves at the beach", "it's a dog's life, isn't it? they're here",
    "we've seen what you'll do and i'm sure he'd agree", "numbers like 2024 and 3.14",
    "playing, dancing, cooking, riding, singing, swimming", "a video of a red car on the road",
]

TOKENIZER_CASES = [
    "a photo of a dog",
    "A Photo Of A DOG!!!",
    "  multiple   spaces\tand\nnew lines  ",
    "it's a man's world, isn't it? They're, we've, I'm, you'll, he'd, O'Neil's",
    "numbers: 12345 and 3.14 and 1,000,000 in 2024",
    "punctuation... (brackets) [square] {curly} @#$%^&* --- ?!",
    "unicode: café naïve résumé — “quotes” ß Ä Ωmega",
    "cafe\u0301 composed by NFC",
    "emoji 😀 and symbols ♥ ☃",
    "cjk 東京タワー and 한국어",
    "control\u0000chars\u200bzero\u00a0width",
    "greek a\u0345b \u1fb3 ypogegrammeni",
    "the special <|endoftext|> token inside text",
    "",
    " ".join(["a video of people dancing at a wedding party with music"] * 12),
    "playing the guitar",
]

MODEL_TEXTS = [
    "a photo of a dog",
    "a video of a person playing the guitar",
    "it's 3 cats, isn't it?",
    "",
]


def basic_clean(text):
    """The same clean-up HF's slow CLIPTokenizer applies when ftfy is absent."""
    return " ".join(BasicTokenizer(strip_accents=False, do_split_on_punc=False).tokenize(text))


def train_bpe(corpus, num_merges):
    """A plain BPE trainer over CLIP's pre-tokenized, byte-encoded words (ties broken by pair)."""
    byte_encoder = bytes_to_unicode()
    counts = collections.Counter()
    for line in corpus:
        for token in CLIP_PATTERN.findall(basic_clean(line).lower()):
            word = "".join(byte_encoder[b] for b in token.encode("utf-8"))
            counts[tuple(word[:-1]) + (word[-1] + "</w>",)] += 1
    merges = []
    words = dict(counts)
    for _ in range(num_merges):
        pairs = collections.Counter()
        for word, freq in words.items():
            for a, b in zip(word, word[1:]):
                pairs[(a, b)] += freq
        if not pairs:
            break
        best = max(pairs.items(), key=lambda kv: (kv[1], kv[0]))[0]
        merges.append(best)
        merged = {}
        for word, freq in words.items():
            out, i = [], 0
            while i < len(word):
                if i + 1 < len(word) and (word[i], word[i + 1]) == best:
                    out.append(word[i] + word[i + 1])
                    i += 2
                else:
                    out.append(word[i])
                    i += 1
            merged[tuple(out)] = merged.get(tuple(out), 0) + freq
        words = merged
    return merges


def write_tokenizer(folder, merges):
    """CLIP's own vocabulary layout: bytes, bytes + </w>, merges, then the two special tokens."""
    os.makedirs(folder, exist_ok=True)
    chars = list(bytes_to_unicode().values())
    vocab = chars + [c + "</w>" for c in chars] + ["".join(m) for m in merges] + [BOS, EOS]
    encoder = {}
    for token in vocab:
        encoder.setdefault(token, len(encoder))
    with open(os.path.join(folder, "vocab.json"), "w", encoding="utf-8") as f:
        json.dump(encoder, f, ensure_ascii=False)
    with open(os.path.join(folder, "merges.txt"), "w", encoding="utf-8") as f:
        f.write("#version: 0.2\n")
        for a, b in merges:
            f.write(a + " " + b + "\n")
    tok = CLIPTokenizer(os.path.join(folder, "vocab.json"), os.path.join(folder, "merges.txt"),
                        pad_token=EOS, model_max_length=CONTEXT)
    tok.save_pretrained(folder)
    for name in ("added_tokens.json",):
        path = os.path.join(folder, name)
        if os.path.exists(path):
            os.remove(path)
    return len(encoder)


def tokenizer_cases(folder):
    slow = CLIPTokenizer.from_pretrained(folder)
    fast = CLIPTokenizerFast.from_pretrained(folder, from_slow=True)
    cases = []
    for text in TOKENIZER_CASES:
        kwargs = dict(padding="max_length", max_length=CONTEXT, truncation=True)
        ids = slow(text, **kwargs)["input_ids"]
        ids_fast = fast(text, **kwargs)["input_ids"]
        cases.append({"text": text, "ids": ids, "ids_fast": ids_fast,
                      "tokens": slow.tokenize(text)})
        if ids != ids_fast:
            print("slow and fast tokenizers differ on", repr(text))
    return cases


def tiny_config(vocab_size, eos_id, bos_id, variant):
    text = dict(vocab_size=vocab_size, hidden_size=32, intermediate_size=37, num_hidden_layers=2,
                num_attention_heads=4, max_position_embeddings=CONTEXT, hidden_act="quick_gelu",
                bos_token_id=bos_id, eos_token_id=eos_id, pad_token_id=1, projection_dim=16)
    vision = dict(hidden_size=32, intermediate_size=37, num_hidden_layers=2, num_attention_heads=4,
                  image_size=32, patch_size=8, hidden_act="quick_gelu", projection_dim=16)
    if variant == "f16":
        vision["hidden_act"] = "gelu"
        text["eos_token_id"] = 2  # legacy configs (e.g. openai/clip-vit-base-patch32)
        text["bos_token_id"] = 0
    if variant == "bf16":
        text.update(hidden_size=24, intermediate_size=40, num_hidden_layers=3,
                    num_attention_heads=2, hidden_act="gelu")
        vision.update(hidden_size=24, intermediate_size=40, num_hidden_layers=3,
                      num_attention_heads=2, image_size=48, patch_size=16, layer_norm_eps=1e-6)
    return CLIPConfig(text_config=text, vision_config=vision, projection_dim=16)


def randomize(model, seed):
    """HF's initializer leaves layer norms at 1/0 and biases at 0: perturb all so they matter."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name == "logit_scale":
                continue
            p.copy_(torch.randn(p.shape, generator=g) * (0.3 if p.dim() > 1 else 0.1)
                    + (1.0 if "norm" in name and name.endswith("weight") else 0.0))


def references(model, tokenizer, seed, image_size):
    g = torch.Generator().manual_seed(seed + 1000)
    enc = tokenizer(MODEL_TEXTS, padding="max_length", max_length=CONTEXT, truncation=True,
                    return_tensors="pt")
    ids = enc["input_ids"]
    pixels = torch.randn((2, 3, image_size, image_size), generator=g)
    out = {}
    with torch.no_grad():
        t = model.text_model(input_ids=ids)
        out["input_ids"] = ids
        out["text_pooled"] = t.pooler_output
        out["text_last_hidden"] = t.last_hidden_state
        out["text_embeds"] = model.get_text_features(input_ids=ids)
        v = model.vision_model(pixel_values=pixels, output_hidden_states=True)
        out["pixel_values"] = pixels
        out["vision_pooled"] = v.pooler_output
        out["image_embeds"] = model.get_image_features(pixel_values=pixels)
        for k, h in enumerate(v.hidden_states):
            out["vision_hidden_states.%d" % k] = h
        # Soft prompt: 4 free vectors before the token embeddings (cut to the context length), run
        # through HF's own embedding/encoder/final-norm modules, pooled where each EOS moved to.
        tm = model.text_model
        n_prompt = 4
        prompt = torch.randn((ids.shape[0], n_prompt, tm.config.hidden_size), generator=g)
        embeds = torch.cat([prompt, tm.embeddings.token_embedding(ids)], dim=1)[:, :CONTEXT]
        eos_id = tokenizer.eos_token_id
        eos_positions = (ids == eos_id).int().argmax(dim=-1) + n_prompt
        hidden = tm.embeddings(inputs_embeds=embeds)
        mask = torch.full((CONTEXT, CONTEXT), torch.finfo(torch.float32).min).triu(1)
        hidden = tm.encoder(inputs_embeds=hidden, causal_attention_mask=mask[None, None].expand(ids.shape[0], 1, CONTEXT, CONTEXT)).last_hidden_state
        hidden = tm.final_layer_norm(hidden)
        pooled = hidden[torch.arange(ids.shape[0]), eos_positions]
        out["soft_inputs_embeds"] = embeds
        out["soft_eos_positions"] = eos_positions.long()
        out["soft_text_embeds"] = model.text_projection(pooled)
    return {k: v.contiguous().float() if v.is_floating_point() else v.contiguous()
            for k, v in out.items()}


def build(name, variant, seed, vocab_size, tok_folder, dtype):
    folder = os.path.join(ROOT, name)
    shutil.rmtree(folder, ignore_errors=True)
    tok = CLIPTokenizer.from_pretrained(tok_folder)
    config = tiny_config(vocab_size, tok.eos_token_id, tok.bos_token_id, variant)
    torch.manual_seed(seed)
    model = CLIPModel(config).eval()
    randomize(model, seed)
    with tempfile.TemporaryDirectory() as tmp:
        model.to(dtype).save_pretrained(tmp, safe_serialization=True)
        os.makedirs(folder)
        for f in ("config.json", "model.safetensors"):
            shutil.copy(os.path.join(tmp, f), folder)
    for f in os.listdir(tok_folder):
        shutil.copy(os.path.join(tok_folder, f), folder)
    image_size = config.vision_config.image_size
    with open(os.path.join(folder, "preprocessor_config.json"), "w") as f:
        json.dump({"crop_size": {"height": image_size, "width": image_size},
                   "image_mean": [0.48145466, 0.4578275, 0.40821073],
                   "image_std": [0.26862954, 0.26130258, 0.27577711],
                   "size": {"shortest_edge": image_size}, "image_processor_type": "CLIPImageProcessor"},
                  f, indent=2)
    # The reference is what HF computes from the stored (possibly low-precision) weights in f32.
    reloaded = CLIPModel.from_pretrained(folder, torch_dtype=torch.float32).eval()
    ref = references(reloaded, tok, seed, image_size)
    save_file(ref, os.path.join(folder, "reference.safetensors"))
    with open(os.path.join(folder, "reference_texts.json"), "w", encoding="utf-8") as f:
        json.dump(MODEL_TEXTS, f, ensure_ascii=False)
    print(name, "weights", os.path.getsize(os.path.join(folder, "model.safetensors")), "bytes")


def dtype_fixture():
    """One small tensor stored in every dtype the reader supports, with its expected f32 values."""
    folder = os.path.join(ROOT, "clip-safetensors")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    g = torch.Generator().manual_seed(7)
    a = torch.randn((3, 5), generator=g) * 10
    tensors = {
        "a.f32": a, "a.f16": a.half(), "a.bf16": a.bfloat16(), "a.f64": a.double(),
        "i.i64": torch.arange(-3, 9, dtype=torch.int64).reshape(3, 4),
        "i.i32": torch.arange(-3, 9, dtype=torch.int32).reshape(3, 4),
        "i.i8": torch.arange(-3, 9, dtype=torch.int8).reshape(3, 4),
        "i.u8": torch.arange(0, 12, dtype=torch.uint8).reshape(3, 4),
        "b.bool": torch.tensor([True, False, True]),
        "scalar.f32": torch.tensor(2.5),
    }
    save_file(tensors, os.path.join(folder, "dtypes.safetensors"), metadata={"format": "pt"})
    expected = {"a.f32": a, "a.f16": a.half().float(), "a.bf16": a.bfloat16().float(),
                "a.f64": a.double().float()}
    save_file(expected, os.path.join(folder, "expected_f32.safetensors"))


def real_vocab_check(bpe_gz, out, corpus_files):
    """Optional, not committed: OpenAI's full BPE (bpe_simple_vocab_16e6.txt.gz, shipped in the
    open_clip_torch wheel) as HF vocab.json/merges.txt, plus HF slow-tokenizer ids for every line
    of the given text files, for ClipTokenizerTest's on-demand check (OVID_CLIP_TOKENIZER_DIR)."""
    import gzip
    merges = gzip.open(bpe_gz).read().decode("utf-8").split("\n")[1:49152 - 256 - 2 + 1]
    merges = [tuple(m.split()) for m in merges]
    os.makedirs(out, exist_ok=True)
    chars = list(bytes_to_unicode().values())
    vocab = chars + [c + "</w>" for c in chars] + ["".join(m) for m in merges] + [BOS, EOS]
    with open(os.path.join(out, "vocab.json"), "w", encoding="utf-8") as f:
        json.dump({t: i for i, t in enumerate(vocab)}, f, ensure_ascii=False)
    with open(os.path.join(out, "merges.txt"), "w", encoding="utf-8") as f:
        f.write("#version: 0.2\n" + "\n".join(" ".join(m) for m in merges) + "\n")
    tok = CLIPTokenizer(os.path.join(out, "vocab.json"), os.path.join(out, "merges.txt"),
                        pad_token=EOS, model_max_length=CONTEXT)
    tok.save_pretrained(out)
    texts = list(TOKENIZER_CASES) + list(CORPUS)
    for path in corpus_files:
        with open(path, encoding="utf-8", errors="replace") as f:
            texts.extend(line.rstrip("\n") for line in f if line.strip())
    cases = []
    for text in texts:
        ids = tok(text, padding="max_length", max_length=CONTEXT, truncation=True)["input_ids"]
        cases.append({"text": text, "ids": ids, "ids_fast": ids, "tokens": tok.tokenize(text)})
    with open(os.path.join(out, "cases.json"), "w", encoding="utf-8") as f:
        json.dump({"context_length": CONTEXT, "cases": cases}, f, ensure_ascii=False)
    print("real vocabulary", len(vocab), "tokens;", len(cases), "cases in", out)


def full_size_check(out, tokenizer_dir, size):
    """Optional, not committed: a random CLIP of a released size (HF init, vectors perturbed),
    stored as bf16, with the usual reference.safetensors, for ClipParityTest's on-demand check
    (OVID_CLIP_CHECKPOINT_DIR). tokenizer_dir holds a 49408-token vocabulary (--real-vocab)."""
    sizes = {
        "vit-b-16": (dict(hidden_size=512, intermediate_size=2048, num_hidden_layers=12,
                          num_attention_heads=8),
                     dict(hidden_size=768, intermediate_size=3072, num_hidden_layers=12,
                          num_attention_heads=12, patch_size=16), 512),
        "vit-l-14": (dict(hidden_size=768, intermediate_size=3072, num_hidden_layers=12,
                          num_attention_heads=12),
                     dict(hidden_size=1024, intermediate_size=4096, num_hidden_layers=24,
                          num_attention_heads=16, patch_size=14), 768),
    }
    text, vision, proj = sizes[size]
    tok = CLIPTokenizer.from_pretrained(tokenizer_dir)
    text = dict(text, vocab_size=len(tok), bos_token_id=0, eos_token_id=2, projection_dim=proj)
    vision = dict(vision, image_size=224, projection_dim=proj)
    config = CLIPConfig(text_config=text, vision_config=vision, projection_dim=proj)
    torch.manual_seed(21)
    model = CLIPModel(config).eval()
    g = torch.Generator().manual_seed(22)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if p.dim() == 1 and name != "logit_scale":
                p.add_(torch.randn(p.shape, generator=g) * 0.02)
    shutil.rmtree(out, ignore_errors=True)
    model.to(torch.bfloat16).save_pretrained(out, safe_serialization=True)
    for f in os.listdir(tokenizer_dir):
        if f != "cases.json":
            shutil.copy(os.path.join(tokenizer_dir, f), out)
    reloaded = CLIPModel.from_pretrained(out, torch_dtype=torch.float32).eval()
    save_file(references(reloaded, tok, 21, 224), os.path.join(out, "reference.safetensors"))
    with open(os.path.join(out, "reference_texts.json"), "w", encoding="utf-8") as f:
        json.dump(MODEL_TEXTS, f, ensure_ascii=False)
    print(size, "checkpoint in", out)


def main():
    import sys
    if len(sys.argv) > 1 and sys.argv[1] == "--real-vocab":
        real_vocab_check(sys.argv[2], sys.argv[3], sys.argv[4:])
        return
    if len(sys.argv) > 1 and sys.argv[1] == "--full-size":
        full_size_check(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else "vit-b-16")
        return
    dtype_fixture()
    tok_folder = os.path.join(ROOT, "clip-tokenizer")
    shutil.rmtree(tok_folder, ignore_errors=True)
    merges = train_bpe(CORPUS + TOKENIZER_CASES, NUM_MERGES)
    vocab_size = write_tokenizer(tok_folder, merges)
    cases = tokenizer_cases(tok_folder)
    build("clip-tiny", "f32", 11, vocab_size, tok_folder, torch.float32)
    build("clip-tiny-f16", "f16", 12, vocab_size, tok_folder, torch.float16)
    build("clip-tiny-bf16", "bf16", 13, vocab_size, tok_folder, torch.bfloat16)
    with open(os.path.join(tok_folder, "cases.json"), "w", encoding="utf-8") as f:
        json.dump({"context_length": CONTEXT, "cases": cases}, f, ensure_ascii=False, indent=1)
    print("vocab size", vocab_size)


if __name__ == "__main__":
    main()
