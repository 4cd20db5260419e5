"""Rules that keep real translations free of false alarms, each on a sentence pair of the dev parts."""

from __future__ import annotations

from aligner.check.numbers import Said, _dates_a_weekday, _one_unit_named, _restated_aside, _said_again, _unreadable_counterpart, _written_unread, excused, unpaired
from aligner.numbers import compare_numbers, extract_numbers


def _left(source: str, sl: str, target: str, tl: str, *excuses) -> list:
    """The number differences none of ``excuses`` (each called with the unpaired mention, its side and the other) excuses."""
    sides = Said(source, extract_numbers(source, sl), sl), Said(target, extract_numbers(target, tl), tl)
    kept = []
    for diff in compare_numbers(sides[0].numbers, sides[1].numbers):
        found = unpaired(diff, *sides)
        if found is None or not any(excuse(*found) for excuse in excuses):
            kept.append(diff)
    return kept


def _unreadable(mention, own, other) -> bool:
    return _unreadable_counterpart(mention, other)

# XQuAD dev (en→ar, ar→vi): "2 drummers" is the Arabic dual قارعَي طبول, the numeral left out.
EN = "It consisted of 402 people (5 Government officials, 9 officers of marines, 2 drummers, and 39 privates, 5 soldiers' wives, and a child)."
AR = "تألف هذا الاستيطان من 402 شخصاً (ما بين 5 موظفين حكوميين، و9 ضباط بحرية، وقارعَي طبول، و39 خاصاً، و5 زوجات جنود، وطفل)."
VI = "Khu này có 402 người (5 quan chức chính phủ, 9 sĩ quan thủy quân lục chiến, 2 tay trống và 39 tư nhân, 5 vợ của lính và một đứa trẻ)."


def _reported(source: str, sl: str, target: str, tl: str) -> list[str]:
    return [d.message for d in _left(source, sl, target, tl, _unreadable)]


def test_a_two_said_by_an_arabic_dual_is_not_missing():
    assert _reported(EN, "en", AR, "ar") == []


def test_a_two_against_an_arabic_dual_is_not_added():
    assert _reported(AR, "ar", VI, "vi") == []


def test_a_two_dropped_from_a_vietnamese_translation_is_still_missing():
    assert [m.split(" ")[0] for m in _reported(EN, "en", VI.replace("2 tay trống", "tay trống"), "vi")] == ["2"]


def test_a_larger_number_dropped_from_the_arabic_is_still_missing():
    assert [m.split(" ")[0] for m in _reported(EN, "en", AR.replace("و39 خاصاً", "وخاصاً"), "ar")] == ["39"]


def test_a_label_two_dropped_from_the_arabic_is_still_missing():
    # UDHR dev: a number fault dropped the 2 of "المادة 2" (Article 2).
    assert [m.split(" ")[0] for m in _reported("Article 2", "en", "المادة", "ar")] == ["2"]


def test_a_one_said_by_the_vietnamese_article_is_not_missing():
    # Held-out news dev n225 (en→vi): "1 in 8 patients" is "cứ 8 bệnh nhân thì có một người", whose "một"
    # alone is read as the article; a "một" the engine reads as a number is no such counterpart.
    source = "a hospital study found that 1 in 8 patients admitted with stomach bleeding had taken more than the recommended daily amount."
    target = "một nghiên cứu tại bệnh viện cho thấy cứ 8 bệnh nhân nhập viện vì xuất huyết dạ dày thì có một người đã dùng quá lượng khuyến cáo mỗi ngày."
    assert _reported(source, "en", target, "vi") == []
    assert [m.split(" ")[0] for m in _reported(source, "en", target.replace("một", "mười"), "vi")] == ["1"]
    assert [m.split(" ")[0] for m in _reported("Only 1 person and 100 cats were there.", "en", "Chỉ có một trăm con mèo ở đó.", "vi")] == ["1"]


def test_the_first_end_of_a_range_said_by_an_arabic_singular_is_not_added():
    # Held-out news dev n225 (ar→vi): "من عمر سنة إلى ٣ سنوات" (from one year to 3) is "1-3 tuổi".
    source = "ويمكن للطفل من عمر سنة إلى ٣ سنوات تناول ٥ مل ثلاث مرات يومياً، وللطفل من ٤ إلى ٦ سنوات تناول ٧٫٥ مل ثلاث مرات يومياً."
    target = "Trẻ 1-3 tuổi có thể uống 5 ml, còn trẻ 4-6 tuổi uống 7,5 ml, ngày 3 lần."
    assert _reported(source, "ar", target, "vi") == []
    assert [m.split(" ")[0] for m in _reported(source, "ar", target.replace("4-6", "4-8"), "vi")] == ["٦"]


def test_a_two_of_a_hyphenated_measure_said_by_an_arabic_dual_is_not_missing():
    # Held-out news dev n225 (en→ar): "A 2-week trip" is "رحلة مدتها أسبوعان", two weeks in the dual.
    source = "A 2-week trip usually needs about 24 atovaquone-proguanil tablets, which cost around 110 dollars without subsidy."
    target = "وتتطلب رحلة مدتها أسبوعان عادةً نحو ٢٤ قرصاً من أتوفاكون-بروغوانيل، تبلغ تكلفتها قرابة ١١٠ دولارات دون دعم."
    assert _reported(source, "en", target, "ar") == []


def test_a_month_said_again_in_a_second_date_is_no_added_number():
    # News dev (en→vi): the Vietnamese repeats the month the English says once.
    source = "reach their peak on the night of Saturday, December 13, into Sunday the 14th."
    target = "đạt cực điểm vào đêm thứ Bảy 13/12 đến rạng sáng Chủ nhật 14/12."
    assert [d.message for d in _left(source, "en", target, "vi", lambda m, own, other: _said_again(m, other))] == []
    assert len(_left(source, "en", target.replace("14/12", "14/11"), "vi", lambda m, own, other: _said_again(m, other))) == 1


def test_a_change_from_words_whose_written_side_is_said_again_is_no_change():
    # News dev (en→ar): the Arabic writes the film's title twice, and the comparison paired "number one"
    # with the second 2 for want of a better partner; a 3 there is a change still.
    source = "Last weekend's number one, the horror sequel \"Still Waters 2\", fell to second place in North America with $21.3 million."
    target = 'وتراجع فيلم الرعب "ستيل ووترز 2" (Still Waters 2)، وهو جزء ثانٍ من فيلم سابق، من صدارة إيرادات عطلة الأسبوع الماضي إلى المركز الثاني في أمريكا الشمالية بـ21.3 مليون دولار.'

    assert _excused_all(source, "en", target, "ar") == []
    assert _excused_all(source, "en", target.replace("(Still Waters 2)", "(Still Waters 3)"), "ar") == ["one (1) became 3"]


def test_a_word_number_against_a_formula_number_is_no_change():
    # Held-out news dev n235 (en→vi): "tungsten trioxide" is "WO3", and "one of the highest grades" had
    # paired with its 3; a grade changed beside it is still a change.
    source = "Open-pit ore at Song Gam contains on average 0.19% tungsten trioxide, one of the highest grades among open-pit tungsten deposits outside China."
    target = "Quặng lộ thiên tại Sông Gâm có hàm lượng trung bình 0,19% WO3, thuộc hàng cao nhất trong số các mỏ vonfram lộ thiên ngoài Trung Quốc."
    assert _excused_all(source, "en", target, "vi") == []
    assert _excused_all(source, "en", target.replace("0,19%", "0,91%"), "vi") == ["0.19% became 0,91% (0.91%)"]


def _excused_all(source: str, sl: str, target: str, tl: str) -> list[str]:
    sides = Said(source, extract_numbers(source, sl), sl), Said(target, extract_numbers(target, tl), tl)
    return [d.message for d in compare_numbers(sides[0].numbers, sides[1].numbers) if not excused(d, *sides)]


def test_a_two_in_words_against_an_arabic_dual_is_no_change_of_a_word_left_over():
    # News dev (ar→vi): "năm phiếu" (five votes) is read as no number, the Arabic "صوتين" (two votes) is a
    # dual, and the two left over, "خمسة" and "hai", paired; three against six is still a change (a two in
    # words against Arabic is not: the price of the duals).
    source = "وأقرت لجنة السياسة النقدية المؤلفة من سبعة أعضاء القرار بأغلبية خمسة أصوات مقابل صوتين، إذ فضّل العضوان المعارضان إبقاء الفائدة عند ٤٫٥٪."
    target = "Ủy ban Chính sách tiền tệ gồm bảy thành viên đã thông qua quyết định với năm phiếu thuận và hai phiếu chống, trong đó hai thành viên phản đối muốn giữ lãi suất ở mức 4,5 phần trăm."
    assert _excused_all(source, "ar", target, "vi") == []
    assert _excused_all("فاز الفريق بثلاثة أهداف.", "ar", "Đội thắng với sáu bàn.", "vi") == ["بثلاثة (3) became sáu (6)"]


def test_first_in_words_left_over_is_no_count_changed():
    # News dev (ar→vi): "الجيل الأول" is "thế hệ đầu tiên", no number; the 2 is the dual "جهازين" (two devices).
    source = "ولم يُركَّب حتى الآن سوى جهازين من أجهزة الجيل الأول الخاصة به."
    target = "Đến nay mới chỉ có 2 thiết bị thế hệ đầu tiên của kính được lắp đặt."
    assert _excused_all(source, "ar", target, "vi") == []
    assert _excused_all("It was the second leg.", "en", "Đó là lượt 3.", "vi") == ["second (2nd) became 3"]


def test_a_clock_time_said_in_words_the_engine_cannot_read_is_not_missing():
    # Text+Berg dev (de→fr): the hut warden's "18.00 Uhr" is "dix-huit heures".
    source = "Ich öffne die Küche erst um 18.00 Uhr."
    assert _reported(source, "de", "Je n'ouvre la cuisine qu'à dix-huit heures !", "fr") == []
    assert [m.split(" ")[0] for m in _reported(source, "de", "Je n'ouvre la cuisine qu'à dix-huit heures !", "vi")] == ["18.00"]



def _pair(source: list[str], target: list[str], beads, target_paragraphs: list[int] | None = None, target_language: str = "vi", source_language: str = "en"):
    """A pair of (by default) English and Vietnamese documents aligned by the given beads, at an even
    length ratio: one paragraph each, or the target's sentences in the paragraphs ``target_paragraphs`` numbers."""
    from types import SimpleNamespace

    from aligner.check.pair import Pair
    from aligner.model import Bead, Document, Location, Paragraph, Sentence

    def document(texts, language, numbers):
        sentences = [Sentence(t, Location(line=1 + k), k, 0, len(t)) for t, k in zip(texts, numbers)]
        paragraphs = [Paragraph(" ".join(s.text for s in sentences if s.paragraph == k), Location(line=1 + k), numbers.index(k), len(numbers) - numbers[::-1].index(k))
                      for k in sorted(set(numbers))]
        return Document("x", language, paragraphs, sentences)

    alignment = SimpleNamespace(beads=[Bead(s, t, 0.5) for s, t in beads], scoring=SimpleNamespace(expected_log_ratio=0.0))
    return Pair(document(source, source_language, [0] * len(source)), document(target, target_language, target_paragraphs or [0] * len(target)), alignment, embed=None)


def test_a_sentence_said_inside_its_neighbours_translation_is_absorbed():
    from aligner.check.structure import ABSORBED_SHARE, absorbed_share

    # IWSLT dev (en→vi): the subtitles end their lines with commas, one Vietnamese sentence for two English ones.
    source = ["We're trying to end life without parole sentences for children.", "We're trying to do something about the death penalty."]
    target = ["cố gắng chấm dứt cảnh trẻ em bị kết án chung thân mà không hề được đặc xá, cố gắng làm được việc gì đó về án tử hình,"]
    assert absorbed_share(_pair(source, target, [((0,), (0,)), ((1,), ())]), 1, True) >= ABSORBED_SHARE
    # The same sentence deleted from the translation: the neighbour's translation has no room for it.
    deleted = ["cố gắng chấm dứt cảnh trẻ em bị kết án chung thân mà không hề được đặc xá,"]
    assert absorbed_share(_pair(source, deleted, [((0,), (0,)), ((1,), ())]), 1, True) < ABSORBED_SHARE


# XQuAD dev (Amazon rainforest), a clause cut from the Vietnamese: a clause omission may be a warning
# when the target lost the clause's hard content, a number or a name it could spell alike, even
# where the embeddings miss it.
AMAZON_EN = "Seventy percent of formerly forested land in the Amazon, and 91% of land deforested since 1970, is used for livestock pasture."
AMAZON_VI = "Bảy mươi phần trăm đất rừng trước đây ở Amazon và 91% đất bị phá rừng từ năm 1970, được sử dụng cho đồng cỏ chăn nuôi."
AMAZON_AR = "صارت سبعون بالمائة من الأراضي المشجرة سابقاً و 91% من الأراضي التي أزيلت منها الغابات منذ سنة 1970 تستعمل لإطعام المواشي."


def _lost(clause: str, target: str, target_language: str, document: str | None = None) -> bool:
    """Is the clause's hard content gone from the target, in a target document that is the target
    sentence alone, or ``document``?"""
    from aligner.check.clauses import _fold, carried, content_lost

    return content_lost(carried(clause, target, "en", target_language), clause, target, _fold(document or target))


def test_a_cut_clause_whose_numbers_are_gone_is_hard_evidence():
    cut = AMAZON_VI.replace(" và 91% đất bị phá rừng từ năm 1970,", "")
    assert _lost("and 91% of land deforested since 1970", cut, "vi")
    assert not _lost("and 91% of land deforested since 1970", AMAZON_VI, "vi")


def test_a_number_is_carried_under_any_of_its_readings_and_counted_once():
    # News dev (en→ar): the 60 of "aged 60" also reads as a year (1960, 2060); said as الستين it is carried.
    clause = "people aged 60 and above"
    target = "ومنذ مارس/آذار، يستقل المترو مجانا من بلغوا الستين فما فوق وذوو الإعاقة والأطفال دون السادسة."
    assert not _lost(clause, target, "ar")
    assert _lost(clause, target.replace("الستين", "السبعين"), "ar")


def test_a_number_said_as_a_part_of_a_range_is_carried():
    # News batch 13 (ar→vi): "between 7 and 9 percent" is one range in the Vietnamese.
    from aligner.check.clauses import carried, numbers_kept

    clause = "مقارنة بما بين 7 و9 في المائة سابقا."
    target = "Kessler đã hạ dự báo tỷ suất lợi nhuận trên doanh thu cả năm xuống khoảng 6,5-7,5%, từ mức 7-9% trước đó."
    assert numbers_kept(carried(clause, target, "ar", "vi"))
    assert not numbers_kept(carried(clause, target.replace("7-9%", "7-8%"), "ar", "vi"))


def test_a_name_counts_only_where_the_target_document_writes_it():
    clause = "of formerly forested land in the Amazon"
    cut = AMAZON_VI.replace(" ở Amazon", "")
    assert _lost(clause, cut, "vi", document=f"{cut} Rừng Amazon rất rộng.")
    assert not _lost(clause, cut, "vi")  # the Vietnamese document never writes "Amazon": no evidence
    assert not _lost(clause, AMAZON_VI, "vi")
    assert not _lost(clause, AMAZON_AR, "ar")  # الأمازون is not "Amazon" to a string test: no evidence


def test_a_name_is_written_from_a_word_start_only():
    from aligner.check.clauses import _fold, carried, content_lost

    # Held-out dev n253 (en→vi, an added clause seen from the mirrored pair): "Anh Tiên" (the Perseids)
    # is a Vietnamese name that the English talk writes nowhere, though "an hour" and "patient" hold it.
    clause, target = "Cẩm nang xem mưa sao băng Anh Tiên", "Shooting Stars: A Guide to the Perseids"
    document = f"{target} The shower peaks at 60 an hour, so be patient."
    assert not content_lost(carried(clause, target, "vi", "en"), clause, target, _fold(document))
    # Over word breaks up to a word's end, a name still counts: "Hanoi" is written "Hà Nội".
    clause, target = "a flight to Hanoi", "một chuyến bay"
    assert content_lost(carried(clause, target, "en", "vi"), clause, target, _fold("Chuyến bay tới Hà Nội bị hoãn."))


def test_capitalized_words_the_target_document_never_writes_are_no_names():
    # English capitalizes an institution's words, German every noun: neither is a name the target writes alike.
    assert not _lost("said the Ministry of Health on Monday", "Bộ Y tế cho biết.", "vi")
    assert _lost("said Minister Tran on Monday", "Bộ Y tế cho biết.", "vi", document="Bộ trưởng Trần nói. Bộ Y tế cho biết.")


def test_a_name_vietnamese_writes_with_spaces_and_tone_marks_is_carried():
    clause = "which lies halfway between Hanoi and Danang"
    document = "Thành phố nằm giữa Hà Nội và Đà Nẵng. Đà Nẵng là thành phố biển."
    assert not _lost(clause, "Thành phố nằm giữa Hà Nội và Đà Nẵng.", "vi", document)
    assert _lost(clause, "Thành phố nằm giữa Hà Nội và Huế.", "vi", document)


def test_a_clause_only_its_unaligned_words_find_is_never_a_warning():
    from aligner.check.clauses import can_warn

    # The Amazon clause cut from the Arabic and from the Vietnamese (test_word_alignment): the
    # Arabic's embeddings do not find it, the Vietnamese's do.
    arabic, vietnamese = {"clause_gain": 0.04, "clause_resemblance": 0.36}, {"clause_gain": 0.14, "clause_resemblance": 0.15}
    assert not can_warn({**arabic, "content_lost": 0.0})
    assert can_warn({**arabic, "content_lost": 1.0})
    assert can_warn({**vietnamese, "content_lost": 0.0})


def test_a_clause_without_numbers_or_names_is_never_hard_evidence():
    assert not _lost("is used for livestock pasture", AMAZON_VI.replace(", được sử dụng cho đồng cỏ chăn nuôi", ""), "vi")


# XQuAD dev (Newcastle upon Tyne): an amount said again in other units or another currency, in
# parentheses, may be dropped or added by a translator for another market; the amount itself stays compared.
WALL_EN = "The extent of Hadrian's Wall was 73 miles (117 km), spanning the width of Britain."
WALL_VI = "Chiều dài của Bức tường Hadrian là 73 dặm (117 km), trải dài suốt chiều rộng của nước Anh."


def _kept(source: str, sl: str, target: str, tl: str) -> list[str]:
    return [d.message.split(" ")[0] for d in _left(source, sl, target, tl, _restated_aside)]


def test_a_restatement_in_parentheses_may_be_dropped():
    assert _kept(WALL_EN, "en", WALL_VI.replace(" (117 km)", ""), "vi") == []
    assert _kept(WALL_EN, "en", WALL_VI.replace("73 dặm (117 km)", "117 km"), "vi") == []


def test_the_amount_itself_and_a_changed_restatement_stay_compared():
    assert _kept(WALL_EN, "en", WALL_VI.replace("73 dặm", "37 dặm"), "vi") == ["73"]
    assert _kept(WALL_EN, "en", WALL_VI.replace("117 km", "171 km"), "vi") == ["117"]


def test_a_restatement_emptied_of_its_number_is_not_dropped():
    """XQuAD dev (Jacksonville), the Arabic "25 ميلاً (40 كم)" with the 40 gone from the Vietnamese:
    the parentheses and the unit are still there, so the number was lost, not the restatement."""
    assert _kept(WALL_EN, "en", WALL_VI.replace("117 km", " km"), "vi") == ["117"]
    source = "وتبعد حوالي 25 ميلاً (40 كم) جنوبًا عن الخط الحدودي لولاية جورجيا"
    target = "cách ranh giới tiểu bang Georgia khoảng 25 dặm ({} km) về phía nam"
    assert _kept(source, "ar", target.format(""), "vi") == ["40"]
    assert _kept(source, "ar", target.format("40"), "vi") == []
    assert _kept(source, "ar", target.replace(" ({} km)", ""), "vi") == []


def test_a_currency_restatement_may_be_added():
    source = "Dự án có tổng vốn 1.500 tỷ đồng."
    assert _kept(source, "vi", "The project costs VND1.5 trillion ($59 million).", "en") == []
    assert _kept("In 2019 (5 years ago) he left.", "en", "Năm 2019 anh ấy rời đi.", "vi") == ["5"]


def test_a_clock_time_restated_in_another_time_zone_may_be_added():
    source = "The summit opens at 3 p.m. local time on Friday."
    assert _kept(source, "en", "Hội nghị khai mạc lúc 15h giờ địa phương (tức 20h giờ Hà Nội) ngày thứ Sáu.", "vi") == []
    assert _kept("The quake struck at 0630 GMT.", "en", "Trận động đất xảy ra lúc 6h30 GMT (13h30 giờ Hà Nội).", "vi") == []
    # The time itself stays compared.
    assert _kept(source, "en", "Hội nghị khai mạc lúc 16h giờ địa phương (tức 20h giờ Hà Nội) ngày thứ Sáu.", "vi") == ["3"]


# IWSLT dev (a TED talk): a value said twice in the source and once in the translation is kept.
CHILDREN_EN = "And the only challenge was that she had 10 children. My mom was the youngest of her 10 kids."
CHILDREN_VI = "Thách thức duy nhất là bà có đến 10 đứa con. Mẹ tôi là con út trong nhà."


def _unrepeated(source: str, sl: str, target: str, tl: str) -> list[str]:
    return [d.message.split(" ")[0] for d in _left(source, sl, target, tl, lambda mention, own, other: _said_again(mention, other))]


def test_a_value_said_once_where_the_source_repeats_it_is_kept():
    assert _unrepeated(CHILDREN_EN, "en", CHILDREN_VI, "vi") == []
    assert _unrepeated(CHILDREN_VI, "vi", CHILDREN_EN, "en") == []


def test_a_value_gone_from_both_mentions_is_still_missing():
    assert _unrepeated(CHILDREN_EN, "en", CHILDREN_VI.replace("10 đứa con", "nhiều con"), "vi") == ["10", "10"]


def _unread(source: str, sl: str, target: str, tl: str) -> list[str]:
    written = lambda mention, own, other: _written_unread(mention, other)  # noqa: E731
    return [d.message.split(" ")[0] for d in _left(source, sl, target, tl, _unreadable, written)]


def test_a_month_named_inside_a_word_is_not_missing():
    # XQuAD dev (en→ar): the Arabic glues "from" onto September; Text+Berg dev (de→fr): a compound.
    assert _unread("On September 20, 1565, a Spanish force", "en", "في 20 سبتمبرمن عام 1565، هاجمت قوة", "ar") == []
    assert _unread("Erster Akt Ein strahlender Augustmorgen .", "de", "Premier acte Radieuse matinée d' août .", "fr") == []
    assert _unread("On September 20, 1565, a Spanish force", "en", "في 20 عام 1565، هاجمت قوة", "ar") == ["September"]
    assert _unread("le maire est venu en mai 2019", "fr", "the Mayor came in 2019", "en") == ["mai"]  # no name under four letters


def test_a_roman_numeral_glued_or_said_in_chinese_numerals_is_not_missing():
    # aligner-eval en→zh dev: "its Palm VII" is "PalmVII"; "Australian II" is "澳大利亚二队".
    assert _unread("has released its Palm VII.", "en", "已经发布了它的PalmVII掌上电脑产品。", "zh") == []
    assert _unread("the winged keel of Alan Bond's Australian II", "en", "因艾伦·邦德的澳大利亚二队采用翼式龙骨", "zh") == []
    assert _unread("the winged keel of Alan Bond's Australian II", "en", "cái sống thuyền của Alan Bond", "vi") == ["II"]


def test_a_year_said_short_pairs_with_the_full_year():
    # Text+Berg dev (de→fr): "der Saison 1977" is "la saison 77".
    assert _unread("als guten Abschluss der Saison 1977 den Nadelgrat", "de", "pour bien finir la saison 77 , avec", "fr") == []
    assert _unread("als guten Abschluss der Saison 1977 den Nadelgrat", "de", "pour bien finir la saison 78 , avec", "fr") == ["1977"]


# Hand-written news articles (en→vi, en→ar), the dev half of a set written for trust and kept
# outside the corpora: the translator moved the date into the sentence before.
RATE_EN = [
    "The Central Bank of Norvalia on Thursday cut its benchmark interest rate by a quarter of a percentage point to 4.25%.",
    "The decision, announced at 2 p.m. local time on 12 December, was backed by six of the nine members of the Monetary Policy Committee.",
]
RATE_VI = [
    "Ngày 12/12, Ngân hàng Trung ương Norvalia giảm lãi suất cơ bản 0,25 điểm phần trăm xuống 4,25%.",
    "Quyết định được công bố lúc 14 giờ (giờ địa phương) hôm thứ Năm, với sự ủng hộ của 6 trong số 9 thành viên Ủy ban Chính sách tiền tệ.",
]


def _number_messages(source: list[str], target: list[str]) -> list[str]:
    from aligner.check.numbers import number_findings
    from aligner.check.pair import Settings

    return [f.message for f in number_findings(_pair(source, target, [((0,), (0,)), ((1,), (1,))]), Settings())]


def test_a_number_moved_into_the_neighbouring_sentence_is_not_lost():
    assert _number_messages(RATE_EN, RATE_VI) == []


def test_a_moved_number_that_changed_is_still_reported():
    messages = _number_messages(RATE_EN, [RATE_VI[0].replace("Ngày 12/12", "Ngày 13/12"), RATE_VI[1]])
    assert [m.split(" ")[0] for m in messages] == ["13", "12"]  # the day added before, the day missing after
    assert _number_messages(RATE_EN, [RATE_VI[0].replace("Ngày 12/12, ", ""), RATE_VI[1]]) != []


def test_a_sentence_whose_numbers_the_target_says_is_not_missing():
    from aligner.check.clauses import can_warn, carried, numbers_kept

    sentence = "The Aero Fold weighs 1.1 kilograms and has a battery life of up to 18 hours, the company said."
    joined = "وقالت الشركة إن الجهاز الجديد يزن 1.1 كيلوغرام وتصل مدة تشغيل بطاريته إلى 18 ساعة، وإنه سيُطرح للبيع في 22 نوفمبر."
    assert numbers_kept(carried(sentence, joined, "en", "ar"))
    assert not numbers_kept(carried(sentence, joined.replace("18 ساعة", "ساعات طويلة"), "en", "ar"))
    found = {"clause_gain": 0.03, "clause_resemblance": 0.2, "content_lost": 0.0}  # the embeddings find it
    assert can_warn(found) and not can_warn({**found, **carried(sentence, joined, "en", "ar")})


def test_a_clause_moved_into_the_next_sentence_keeps_its_numbers():
    from aligner.check.clauses import _with_neighbours, can_warn, carried, content_lost

    # The second dev set of news articles (en→vi): the clause closes the next Vietnamese sentence.
    source = [
        "Peru's Congress on Thursday approved a labour reform that will gradually reduce the legal working week from 48 to 40 hours, ending more than 18 months of debate.",
        "The bill passed by 78 votes to 31, with 12 abstentions, after a session that lasted nearly nine hours.",
    ]
    target = [
        "Ngày thứ Năm, Quốc hội Peru đã thông qua cải cách luật lao động, theo đó thời gian làm việc hợp pháp hằng tuần sẽ giảm dần từ 48 xuống 40 giờ.",
        "Dự luật được thông qua với 78 phiếu thuận, 31 phiếu chống và 12 phiếu trắng sau phiên họp kéo dài gần 9 tiếng, khép lại hơn 18 tháng tranh luận.",
    ]
    pair = _pair(source, target, [((0,), (0,)), ((1,), (1,))])
    clause = "ending more than 18 months of debate."
    evidence = carried(clause, _with_neighbours(pair, pair.alignment.beads[0]), "en", "vi")
    found = {"clause_gain": 0.05, "clause_resemblance": 0.2, "content_lost": float(content_lost(evidence, clause, target[0] + " " + target[1], target[0] + " " + target[1]))}
    assert not found["content_lost"] and not can_warn({**found, **evidence})
    alone = carried(clause, target[0], "en", "vi")  # the bead's own target lacks the 18
    assert content_lost(alone, clause, target[0], target[0])


def test_a_month_the_other_side_names_by_reference_is_not_missing():
    # News dev (en→ar, ar→vi): the Arabic names the month of an earlier sentence as "the same month".
    english = "The health department will hold an online briefing for parents at 7:30 pm on Thursday, October 9."
    arabic = "وستعقد إدارة الصحة جلسة إحاطة إلكترونية للأهالي في الساعة 7:30 مساء الخميس 9 من الشهر نفسه."
    vietnamese = "Sở Y tế sẽ tổ chức buổi thông tin trực tuyến cho phụ huynh lúc 19 giờ 30 phút thứ năm, ngày 9-10."
    assert _excused_all(english, "en", arabic, "ar") == []
    assert _excused_all(arabic, "ar", vietnamese, "vi") == []
    assert _excused_all(arabic, "ar", vietnamese.replace("ngày 9-10", "ngày 8-10"), "vi") == ["9 became 8"]
    assert _excused_all(english, "en", arabic.replace("من الشهر نفسه", "من الشهر"), "ar") == ["October (10) (on Thursday, October) is missing in the target"]


def test_a_number_ending_a_name_the_translation_adds_is_no_added_number():
    # News dev (en→vi, batch 11): the Vietnamese names the pandemic; a name's number the target lacks is still reported.
    english = "It first topped $2,000 in August 2020, during the coronavirus pandemic."
    vietnamese = "Kim loại này lần đầu vượt 2.000 USD vào tháng 8/2020, trong đại dịch Covid-19."
    assert _excused_all(english, "en", vietnamese, "vi") == []
    assert _excused_all(vietnamese, "vi", english, "en") == ["19 (dịch Covid- 19) is missing in the target"]
    assert _excused_all(english, "en", vietnamese.replace("Covid-19", "Covid và 19 nước"), "vi") == ["19 (Covid và 19) is not in the source"]


# Fresh news, dev set n28 (en→vi): the Vietnamese splits the sentence, and the aligner pairs the
# English with its first part only, leaving the second (with the date) unpaired.
SURGERY_EN = [
    "Surgeons at the University Hospital in Kraków have removed a tumour weighing 31.6 kilograms from a 44-year-old woman, the heaviest ever recorded in Poland, the hospital said on Friday, November 14.",
    "The patient is recovering well, doctors said.",
]
SURGERY_VI = [
    "Các bác sĩ phẫu thuật tại Bệnh viện Đại học ở Kraków đã cắt bỏ khối u nặng 31,6 kg cho một phụ nữ 44 tuổi.",
    "Đây là khối u nặng nhất từng được ghi nhận tại Ba Lan, bệnh viện cho biết hôm thứ Sáu (14/11).",
    "Theo các bác sĩ, bệnh nhân đang hồi phục tốt.",
]


def _surgery_messages(target: list[str], beads, target_paragraphs: list[int] | None = None) -> list[str]:
    from aligner.check.numbers import number_findings
    from aligner.check.pair import Settings

    return [f.message for f in number_findings(_pair(SURGERY_EN, target, beads, target_paragraphs), Settings())]


def test_a_number_said_by_the_unpaired_sentence_beside_the_bead_is_not_missing():
    assert _surgery_messages(SURGERY_VI, [((0,), (0,)), ((), (1,)), ((1,), (2,))]) == []


def test_a_number_the_unpaired_sentence_beside_the_bead_changed_is_still_missing():
    changed = [SURGERY_VI[0], SURGERY_VI[1].replace("14/11", "15/11"), SURGERY_VI[2]]
    assert _surgery_messages(changed, [((0,), (0,)), ((), (1,)), ((1,), (2,))]) != []
    # Nor does an unpaired sentence of another paragraph.
    apart = [SURGERY_VI[0], SURGERY_VI[2], SURGERY_VI[1]]
    assert _surgery_messages(apart, [((0,), (0,)), ((1,), (1,)), ((), (2,))], target_paragraphs=[0, 0, 1]) != []


def test_a_number_said_by_an_unpaired_sentence_further_on_in_the_paragraph_is_not_missing():
    # A translator moves a clause within the paragraph (held-out dev n196: a vote count).
    apart = [SURGERY_VI[0], SURGERY_VI[2], SURGERY_VI[1]]
    assert _surgery_messages(apart, [((0,), (0,)), ((1,), (1,)), ((), (2,))]) == []


# Held-out dev n219 (ar→vi): the Arabic says a bowler's figures at the end of a sentence, which the
# Vietnamese gives as a paragraph of its own after it.
INNINGS_AR = [
    "وكانت الإمارات، التي دُعيت إلى الضرب أولا، قد سجلت 231 شوطا مقابل 8 ويكيتات في أوفراتها الخمسين.",
    "وأحرز القائد أيان قريشي 83 شوطا من 112 كرة، وأضاف حارس الويكيت روهان مينون 41 شوطا، فيما حصد الرامي السريع النيبالي سومان كاركي، الذي يرمي باليد اليسرى، 3 ويكيتات مقابل 42 شوطا في 10 أوفرات، كما التقط كرتين.",
]
INNINGS_VI = [
    "Được mời đánh trước, UAE ghi 231 run/8 wicket sau 50 over.",
    "Đội trưởng Ayaan Qureshi ghi 83 run từ 112 quả bóng, còn người giữ wicket Rohan Menon đóng góp thêm 41 run.",
    "Tay ném seam thuận tay trái Suman Karki của Nepal hạ 3 wicket, để thủng 42 run sau 10 over.",
    "Karki còn có 2 lần bắt bóng.",
]


def test_a_paragraph_whose_numbers_the_sentence_across_the_break_says_is_merged_there():
    from aligner.check.structure import merged_nearby

    beads = [((0,), (0,)), ((1,), (1,)), ((), (2, 3))]
    pair = _pair(INNINGS_AR, INNINGS_VI, beads, [0, 0, 1, 1], source_language="ar")
    assert merged_nearby(pair, [2, 3], False) == "source's line 1"
    # The Arabic without the bowler's figures: the Vietnamese paragraph is added.
    cut = [INNINGS_AR[0], INNINGS_AR[1].split("، فيما")[0] + "."]
    assert merged_nearby(_pair(cut, INNINGS_VI, beads, [0, 0, 1, 1], source_language="ar"), [2, 3], False) == ""


# Held-out dev n195 (sentence_faults.py): a sentence of another article put into an Arabic housing
# article, at the head of a paragraph, after the Arabic's first paragraph.
REGISTRY_AR = "وسينشر سجل الأراضي تقريره الربع سنوي التالي في ٧ يوليو في تمام الساعة ١٠:٠٠، ويمكن التواصل مع مكتبه الإعلامي على الرقم ٠٨٠٠ ٤١٧ ٢٢٩."
CUT_EN = ["It was the bank's second cut this year, after one of the same size in February.", "Lenders are expected to follow within days."]
CUT_AR = ["وهذا هو الخفض الثاني الذي يجريه البنك هذا العام، بعد خفض بالحجم نفسه في فبراير.", "ومن المتوقع أن تحذو المصارف حذوه في غضون أيام."]


def _said_across(source: list[str]) -> bool:
    """Whether the sentence put in counts as said by its neighbour's source across the paragraph
    break, at a part gain over the bar: the Arabic's second paragraph opens with it."""
    from aligner.check.structure import PART_GAIN_ACROSS_BREAK, said_across_break

    pair = _pair(source, [CUT_AR[0], REGISTRY_AR, CUT_AR[1]], [((0,), (0,)), ((), (1,)), ((1,), (2,))], [0, 1, 1], target_language="ar")
    return said_across_break(pair, 1, False, {1: PART_GAIN_ACROSS_BREAK + 0.03})


def test_a_sentence_said_across_a_paragraph_break_must_have_its_numbers_said_there():
    assert not _said_across(CUT_EN)
    # The same gain, where the neighbour's source says the report's date, hour and number: said there.
    said = "The land registry will publish its next quarterly report on 7 July at 10:00; its press office is on 0800 417 229."
    assert _said_across([said, CUT_EN[1]])


# Agency English names a weekday alone; Vietnamese and Arabic papers often add its date.
WEEKDAY_EN = "The ministry said on Tuesday that exports rose 4.1% in the first ten months."
WEEKDAY_VI = "Hôm thứ Ba (25/11), Bộ cho biết xuất khẩu 10 tháng đầu năm tăng 4,1%."
WEEKDAY_AR = "وقالت الوزارة يوم الثلاثاء (25 نوفمبر) إن الصادرات ارتفعت 4.1% في الأشهر العشرة الأولى."


def _dated(source: str, sl: str, target: str, tl: str) -> list[str]:
    return [d.message.split(" ")[0] for d in _left(source, sl, target, tl, _dates_a_weekday)]


def test_a_date_added_to_a_weekday_the_source_names_is_no_added_number():
    assert _dated(WEEKDAY_EN, "en", WEEKDAY_VI, "vi") == []
    assert _dated(WEEKDAY_EN, "en", WEEKDAY_AR, "ar") == []
    assert _dated(WEEKDAY_AR, "ar", WEEKDAY_VI.replace(" (25/11)", ", ngày 25/11"), "vi") == []


def test_a_date_beside_another_weekday_or_none_is_still_added():
    assert _dated(WEEKDAY_EN.replace("Tuesday", "Wednesday"), "en", WEEKDAY_VI, "vi") == ["25", "11"]
    assert _dated(WEEKDAY_EN, "en", WEEKDAY_VI.replace("thứ Ba (25/11)", "25/11"), "vi") == ["25", "11"]


# Held-out dev n277: the English names the day and its weekday, the Vietnamese adds the month.
NIGHTS_EN = "so the likeliest window is Wednesday the 20th and Thursday the 21st."
NIGHTS_VI = "nên khoảng thời gian có khả năng cao nhất là từ thứ Tư (20/11) đến thứ Năm (21/11)."


def test_a_month_added_to_a_day_and_weekday_the_source_names_is_no_added_number():
    assert _dated(NIGHTS_EN, "en", NIGHTS_VI, "vi") == []
    # Another day than the source's is still a changed number.
    assert _dated(NIGHTS_EN, "en", NIGHTS_VI.replace("(21/11)", "(22/11)"), "vi") == ["21st"]


def test_a_date_dropped_beside_its_weekday_is_still_missing():
    assert len(_excused_all(WEEKDAY_VI, "vi", WEEKDAY_EN, "en")) == 2  # its day and its month
    assert _excused_all(WEEKDAY_EN, "en", WEEKDAY_VI, "vi") == []


# A unit of time named by its noun alone is one of it (held-out dev n195, n197).
YEAR_TO_MARCH = {
    "en": "Inflation had eased to 2.7% in the year to March, within the bank's target band of 2% to 3%.",
    "ar": "إن التضخم تراجع إلى ٢٫٧٪ في العام المنتهي في مارس، ليبقى ضمن النطاق المستهدف للبنك بين ٢٪ و٣٪.",
    "vi": "Lạm phát trong 12 tháng tính đến tháng 3 đã hạ nhiệt xuống 2,7%, nằm trong biên độ mục tiêu 2-3% của ngân hàng.",
}
LAST_HOUR = {"en": "The spice bag goes in now, for the last hour only;", "vi": "Đến lúc này mới thả túi gia vị vào, và chỉ để trong 1 giờ cuối;"}


def _named(source: str, sl: str, target: str, tl: str) -> list[str]:
    return [d.message for d in _left(source, sl, target, tl, _one_unit_named)]


def test_a_span_of_time_that_makes_one_unit_the_other_side_names_alone_is_said():
    assert _named(YEAR_TO_MARCH["en"], "en", YEAR_TO_MARCH["vi"], "vi") == []
    assert _named(YEAR_TO_MARCH["ar"], "ar", YEAR_TO_MARCH["vi"], "vi") == []
    assert _named(YEAR_TO_MARCH["vi"], "vi", YEAR_TO_MARCH["en"], "en") == []
    assert _named(LAST_HOUR["en"], "en", LAST_HOUR["vi"], "vi") == []


def test_a_span_of_time_is_still_added_where_the_unit_is_plural_or_labels_a_number():
    assert _named(LAST_HOUR["en"].replace("hour", "hours"), "en", LAST_HOUR["vi"].replace("1 giờ", "2 giờ"), "vi") != []
    assert _named("Inflation eased to 2.7% in 2025.", "en", "Lạm phát trong 12 tháng của năm 2025 đã hạ nhiệt xuống 2,7%.", "vi") != []
    assert _named(YEAR_TO_MARCH["en"], "en", YEAR_TO_MARCH["vi"].replace("12 tháng", "9 tháng"), "vi") != []


def test_a_range_said_as_its_two_numbers_is_carried():
    """Held-out dev n220 (ar→vi): the Vietnamese writes "520-650 g" in a paragraph of its own, the
    Arabic "ما بين 520 و650 غراماً" inside the sentence before; the range is said there."""
    from aligner.check.clauses import carried

    arabic = "وخلال هذين اليومين، على العدّائين أن يستهدفوا ما بين 8 و10 غرامات من الكربوهيدرات لكل كيلوغرام من وزن الجسم يومياً، أي ما بين 520 و650 غراماً في اليوم لعدّاء يزن 65 كلغ."
    vietnamese = "Với người nặng 65 kg, lượng này là 520-650 g mỗi ngày."
    assert carried(vietnamese, arabic, "vi", "ar")["clause_numbers_carried"] == 1.0
    assert carried(vietnamese.replace("520-650", "520-600"), arabic, "vi", "ar")["clause_numbers_carried"] == 0.5
