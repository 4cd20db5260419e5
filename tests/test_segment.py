"""Sentence splitting: sentencex plus the fixes for abbreviations it splits after."""

import pytest

from aligner.segment import CHARACTERS_PER_IDEOGRAPH, WORDS_PER_IDEOGRAPH, finer_pieces, parts, spaced_length, split_clauses, split_sentences, word_count


@pytest.mark.parametrize(
    "language, text, expected",
    [
        ("en", "Resolution No. 12 of the Politburo was adopted. It took effect.", ["Resolution No. 12 of the Politburo was adopted.", "It took effect."]),
        ("en", "Is it done? Yes! It is.", ["Is it done?", "Yes!", "It is."]),
        ("ar", "قال د. أحمد إن هذا جيد؟ نعم.", ["قال د. أحمد إن هذا جيد؟", "نعم."]),
        ("ar", "هل انتهى الاجتماع؟ انتهى في المساء.", ["هل انتهى الاجتماع؟", "انتهى في المساء."]),
        ("vi", "Đoàn đến TP. Hải Phòng hôm qua. Mọi việc tốt.", ["Đoàn đến TP. Hải Phòng hôm qua.", "Mọi việc tốt."]),
        ("vi", "GS. Nguyễn Văn A và ThS. Lê B dự họp tại TP.HCM. Xong.", ["GS. Nguyễn Văn A và ThS. Lê B dự họp tại TP.HCM.", "Xong."]),
        ("vi", "Nghị quyết số 45 ngày 24/1/2019 của Bộ Chính trị.", ["Nghị quyết số 45 ngày 24/1/2019 của Bộ Chính trị."]),
        # A dev public notice (n106): sentencex takes the "la" of "đô la" (dollar) for an abbreviation.
        (
            "vi",
            "Mức phạt đối với hành vi đỗ xe không có vé hợp lệ sẽ tăng từ 40 đô la lên 60 đô la. Mức phạt đối với hành vi đỗ xe tại vị trí dành riêng cho người khuyết tật sẽ tăng từ 150 đô la lên 250 đô la.",
            [
                "Mức phạt đối với hành vi đỗ xe không có vé hợp lệ sẽ tăng từ 40 đô la lên 60 đô la.",
                "Mức phạt đối với hành vi đỗ xe tại vị trí dành riêng cho người khuyết tật sẽ tăng từ 150 đô la lên 250 đô la.",
            ],
        ),
        # Held-out dev n201: sentencex takes a unit behind a number for an abbreviation ("mm.", "m.", "km/h.").
        (
            "vi",
            "Tháng 8 là tháng mưa nhiều nhất với 168 mm, còn tháng 4 khô nhất, chỉ 11 mm. Island Air cho biết đã bổ sung 4 chuyến vào tối thứ tư.",
            ["Tháng 8 là tháng mưa nhiều nhất với 168 mm, còn tháng 4 khô nhất, chỉ 11 mm.", "Island Air cho biết đã bổ sung 4 chuyến vào tối thứ tư."],
        ),
        ("en", "Waves reached 9.5 m. Gusts hit 140 km/h. The port closed.", ["Waves reached 9.5 m.", "Gusts hit 140 km/h.", "The port closed."]),
        # Held-out dev n201: the Vietnamese degrees, "độ C.", is no initial.
        (
            "vi",
            "Công ty đề nghị các hộ gia đình không đặt điều hòa dưới 24 độ C. Nhu cầu điện đạt đỉnh 17.450 MW.",
            ["Công ty đề nghị các hộ gia đình không đặt điều hòa dưới 24 độ C.", "Nhu cầu điện đạt đỉnh 17.450 MW."],
        ),
        ("ar", "بلغت سرعة الرياح 140 km/h. وأغلق الميناء.", ["بلغت سرعة الرياح 140 km/h.", "وأغلق الميناء."]),
        # ... but not an initial, nor a unit before a word in lower case.
        ("en", "A study by J. A. Hobson ran to 5 m. copies.", ["A study by J. A. Hobson ran to 5 m. copies."]),
        # XQuAD: sentencex splits inside the dates in brackets and after the initials.
        (
            "ar",
            "منظرون مثل ج. أ. هوبسون (1858 - 1940) وجوزيف شومبيتر (1883 - 1950). وبينما كان هؤلاء الكتاب.",
            ["منظرون مثل ج. أ. هوبسون (1858 - 1940) وجوزيف شومبيتر (1883 - 1950).", "وبينما كان هؤلاء الكتاب."],
        ),
        ("en", "Theorists such as J. A. Hobson led it. Others followed.", ["Theorists such as J. A. Hobson led it.", "Others followed."]),
        # A dev headline (n188): two dots are the Arabic headline's pause, no sentence end; three are an ellipsis.
        (
            "ar",
            "مع اتساع فجوة التمويل.. وكالة إغاثة تخفض الحصص الغذائية في مخيم حليمة 38 بالمئة",
            ["مع اتساع فجوة التمويل.. وكالة إغاثة تخفض الحصص الغذائية في مخيم حليمة 38 بالمئة"],
        ),
        ("en", "He waited... Then he left.", ["He waited...", "Then he left."]),
    ],
)
def test_sentences(language, text, expected):
    assert [text[a:b] for a, b in split_sentences(text, language)] == expected


def test_spans_point_into_the_text():
    text = "  First one.   Second one.  "
    spans = split_sentences(text, "en")
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one."]


def test_clauses_split_at_semicolons_and_commas_keeping_short_pieces_together():
    text = "The city maintains 628 models of the movement; it built 98 new ones, and replicated 14 models, too."
    assert [text[a:b] for a, b in split_clauses(text)] == [
        "The city maintains 628 models of the movement",
        "it built 98 new ones, and replicated 14 models, too.",
    ]


def test_finer_pieces_are_the_unmerged_pieces_and_the_asides_inside_the_clauses():
    # XQuAD (discrepancy.py dev): the appositive is merged with "However, Jamukha," into one clause.
    text = "However, Jamukha, threatened by Temüjin's rapid ascent, quickly moved to stop Temüjin's ambitions."
    clauses = split_clauses(text)
    assert [text[a:b] for a, b in clauses + finer_pieces(text, clauses)] == [
        "However, Jamukha, threatened by Temüjin's rapid ascent",
        "quickly moved to stop Temüjin's ambitions.",
        "However",
        "Jamukha",
        "threatened by Temüjin's rapid ascent",
    ]
    # A sentence of one clause (the last piece is too short to stand alone) still has finer pieces.
    text = "An office (the Shangshu Sheng) was set up (as under Külüg Khan), but soon abandoned."
    clauses = split_clauses(text)
    assert [text[a:b] for a, b in clauses + finer_pieces(text, clauses)] == [
        text,
        "An office (the Shangshu Sheng) was set up (as under Külüg Khan)",
        "(the Shangshu Sheng)",
        "(as under Külüg Khan)",
        "but soon abandoned.",
    ]


def test_chinese_clauses_end_at_full_width_punctuation_and_their_words_are_counted_by_character():
    # ../shared/corpora/mqm-ted-en-de-zh-en, dev talk.9, segment 740.
    text = "第一次针对的是这些富裕发达国家， 我们之后更换了测试对象， 对美国50 个州重复了这个测试—— 调查同样的问题： 是否那些越是不平等的州在所有这些评估上就做得越差？"
    clauses = [text[a:b] for a, b in split_clauses(text)]
    assert clauses == ["第一次针对的是这些富裕发达国家", "我们之后更换了测试对象", "对美国50 个州重复了这个测试", "调查同样的问题： 是否那些越是不平等的州在所有这些评估上就做得越差？"]
    # 15 characters, 0.62 words each; "50" is a word; a spaced script counts what its spaces delimit.
    assert word_count(clauses[0]) == pytest.approx(15 * WORDS_PER_IDEOGRAPH)
    assert word_count("对美国50 个州") == pytest.approx(1 + 5 * WORDS_PER_IDEOGRAPH)
    assert word_count("the first was of these rich countries") == 7
    assert spaced_length("第一次") == pytest.approx(3 * CHARACTERS_PER_IDEOGRAPH) and spaced_length("abc") == 3


def test_chinese_sentences_end_without_a_space():
    # ../shared/corpora/mqm-ted-en-de-zh-en, dev talk.5: segments 356 and 370 written as running text.
    text = "我感到敬畏。有些冰超过十万年。"
    assert [text[a:b] for a, b in split_sentences(text, "zh")] == ["我感到敬畏。", "有些冰超过十万年。"]


def test_a_long_paragraph_is_segmented_in_windows_cut_after_sentence_ends():
    from aligner.segment import SEGMENT_WINDOW, _windows

    # The seeds' English sentences that end with a stop (not "Project No.", cut short), again and again in one paragraph of about 190,000 characters.
    lines = open("seeds/haiphong.en.txt", encoding="utf-8").read().split("\n")
    sentences = [line[a:b] for line in lines for a, b in split_sentences(line, "en") if line[b - 1] == "." and not line[:b].endswith("No.")]
    text = " ".join(sentences * 40)
    windows = _windows(text)
    assert "".join(windows) == text and len(windows) > 1
    assert all(len(w) <= SEGMENT_WINDOW for w in windows)
    assert all(w.rstrip()[-1] == "." for w in windows[:-1])
    assert [text[a:b] for a, b in split_sentences(text, "en")] == sentences * 40


def test_a_paragraph_without_sentence_ends_is_cut_at_spaces_into_pieces_the_model_takes():
    from aligner.segment import MAX_SENTENCE_CHARS

    text = " ".join(f"word{k}" for k in range(60_000))  # 500,000 characters, no stop
    spans = split_sentences(text, "en")
    assert all(b - a <= MAX_SENTENCE_CHARS for a, b in spans)
    assert " ".join(text[a:b] for a, b in spans) == text


def test_parts_are_the_sentences_inside_a_quotation_and_their_clauses():
    # A dev news sentence (ar): the splitter keeps the quotation of two sentences whole.
    text = 'وقالت: "أقل من شخص واحد من كل عشرة يستطيع رؤية طبيب في غضون 24 ساعة. وهذه هي الفجوة التي يعملون على سدّها".'
    found = [text[a:b] for a, b in parts(text)]
    assert 'وهذه هي الفجوة التي يعملون على سدّها".' in found
    assert 'وقالت: "أقل من شخص واحد من كل عشرة يستطيع رؤية طبيب في غضون 24 ساعة.' in found
    assert "وقالت" in found  # the piece before the colon
    # One sentence: its clauses and pieces only, not itself.
    sentence = "Yields move inversely to prices, and the 30-year gilt traded at about 81 pence."
    assert [sentence[a:b] for a, b in parts(sentence)] == ["Yields move inversely to prices", "and the 30-year gilt traded at about 81 pence."]
