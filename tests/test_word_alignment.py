"""Word alignment from the token graph: the evidence that tells an added or dropped sentence from
one said in other words (``align.words``, ``E5Encoder.token_vectors``)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from conftest import CORPORA

from aligner.align.words import FOREIGN_SHARE, aligned_tokens, foreign, unaligned_share
from aligner.check.clauses import embeddings_find
from aligner.embed.agreement import build_encoder
from aligner.embed.base import TokenVectors
from aligner.embed.build import ensure_model

# XQuAD dev (Amazon rainforest): two sentences and their Vietnamese, and a sentence of the next
# paragraph of the same article, on the same subject, inserted as discrepancy.py inserts one.
SOURCE = "Seventy percent of formerly forested land in the Amazon, and 91% of land deforested since 1970, is used for livestock pasture. Currently, Brazil is the second-largest global producer of soybeans after the United States."
TRANSLATED = "Brazil hiện là nhà sản xuất đậu nành lớn thứ hai thế giới sau Hoa Kỳ."
TARGET = "Bảy mươi phần trăm đất rừng trước đây ở Amazon và 91% đất bị phá rừng từ năm 1970, được sử dụng cho đồng cỏ chăn nuôi. " + TRANSLATED
INSERTED = "Hai đường cao tốc đầu tiên đã mở rừng nhiệt đới thành công và dẫn đến di dân định cư và nạn phá rừng gia tăng."


@pytest.fixture(scope="module", params=["openvino", "onnxruntime"])
def encoder(request):
    return build_encoder(request.param, None, ensure_model())


def test_an_inserted_sentence_has_few_aligned_words_and_a_translated_one_many(encoder):
    target = f"{TARGET} {INSERTED}"
    theirs, ours = encoder.token_vectors([target, SOURCE])
    aligned = aligned_tokens(theirs, ours)
    inserted = (target.index(INSERTED), len(target))
    translated = (target.index(TRANSLATED), target.index(TRANSLATED) + len(TRANSLATED))
    # Vietnamese says a word in several syllables, of which mutual best match pairs one: a third of
    # a translated sentence's words are left unaligned, nearly all of an inserted one's.
    assert unaligned_share(target, theirs, aligned, inserted) > 0.8
    assert unaligned_share(target, theirs, aligned, translated) < 0.4


def test_token_vectors_are_unit_rows_over_the_texts_own_characters(encoder):
    long = " ".join([SOURCE] * 20)  # past the model's 512 tokens: the first window's tokens
    short, windowed = encoder.token_vectors([TRANSLATED, long])
    for text, tokens in ((TRANSLATED, short), (long, windowed)):
        assert tokens.spans.shape == (len(tokens.vectors), 2) and np.allclose(np.linalg.norm(tokens.vectors, axis=1), 1, atol=1e-3)
        assert tokens.spans.min() >= 0 and tokens.spans.max() <= len(text)
    assert "".join(TRANSLATED[a:b] for a, b in short.spans) == TRANSLATED
    assert 500 < len(windowed.vectors) < 510 and windowed.spans[-1, 1] < len(long)  # 510 tokens, the prefix's dropped


def test_a_word_counts_once_however_many_tokens_it_has():
    text = "unbelievable day"
    tokens = TokenVectors(np.array([[0, 2], [2, 6], [6, 12], [12, 16]]), np.eye(4, dtype=np.float32))
    # "un|believ|able" is one word, aligned through one of its tokens; "day" is not aligned.
    assert unaligned_share(text, tokens, np.array([False, True, False, False]), (0, len(text))) == 0.5
    assert unaligned_share(text, tokens, np.array([False, True, False, False]), (0, 12)) == 0.0
    assert unaligned_share(text, tokens, np.zeros(4, bool), (13, 16)) == 1.0


def test_every_token_of_a_script_without_spaces_is_a_word_and_foreign_needs_an_aligned_rest():
    text = "我们 are here"  # 我 | 们 | are | here
    tokens = TokenVectors(np.array([[0, 1], [1, 2], [2, 6], [6, 11]]), np.eye(4, dtype=np.float32))
    aligned = np.array([False, False, True, False])
    assert unaligned_share(text, tokens, aligned, (0, 2)) == 1.0
    assert unaligned_share(text, tokens, aligned, (0, 2), outside=True) == 0.5
    assert foreign(text, tokens, aligned, (0, 2)) == (True, 1.0)
    # The same span in a text whose rest is as unaligned: a loosely aligned pair, not a foreign span.
    assert foreign(text, tokens, np.zeros(4, bool), (0, 2)) == (False, 1.0)



# XQuAD dev (Amazon rainforest, three paragraphs) with the clause "and 91% of land deforested since
# 1970" cut from the translation of the second one.
CUT = {"vi": " và 91% đất bị phá rừng từ năm 1970,", "ar": " و 91% من الأراضي التي أزيلت منها الغابات منذ سنة 1970"}


@pytest.mark.parametrize("language", ["vi", "ar"])
def test_a_cut_clause_is_found_by_its_unaligned_words_and_warns_when_the_embeddings_agree_or_its_numbers_are_gone(run_cli, tmp_path, language):
    paragraphs = {lang: (CORPORA / "xquad-en-ar-vi" / f"contexts.{lang}").read_text(encoding="utf-8").split("\n")[80:83] for lang in ("en", language)}
    paragraphs[language][1] = paragraphs[language][1].replace(CUT[language], "")
    for lang, lines in paragraphs.items():
        (tmp_path / f"amazon.{lang}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("compare", tmp_path / "amazon.en.txt", tmp_path / f"amazon.{language}.txt", "--format", "json")
    (clause,) = [f for f in json.loads(result.stdout)["comparisons"][0]["findings"] if f["level"] == "clause"]
    assert clause["message"].endswith("“and 91% of land deforested since 1970”") and clause["evidence"]["words_unaligned"] >= FOREIGN_SHARE
    # The Vietnamese without the clause is also further from the English than with it, and nothing
    # there resembles it; the Arabic has a clause that resembles it (0.37), so its unaligned words
    # found it. Alone they never make a warning (test_trust_rules), but its numbers are gone too.
    assert embeddings_find(clause["evidence"]["clause_gain"], clause["evidence"]["clause_resemblance"]) == (language == "vi")
    assert clause["evidence"]["content_lost"] == 1.0
    assert clause["severity"] == "warning"
