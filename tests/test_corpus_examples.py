"""Each finding kind on small real translations from ../shared/corpora (XQuAD and UDHR: professional en/ar/vi;
aligner-eval's MAC: literary zh→en)."""

from __future__ import annotations

import html
import json
import math
import re
import unicodedata

import pytest
from conftest import CORPORA

from aligner.model import Severity
from aligner.pipeline import compare
from aligner.read.text import paragraphs
from aligner.segment import build_document, spaced_length

XQUAD = CORPORA / "xquad-en-ar-vi"
UDHR = CORPORA / "udhr-en-ar-vi"


@pytest.fixture(scope="module")
def xquad() -> dict[str, list[str]]:
    return {lang: (XQUAD / f"contexts.{lang}").read_text(encoding="utf-8").splitlines() for lang in ("en", "ar", "vi")}


@pytest.fixture(scope="module")
def check(encoder):
    def run(language: str, source: list[str], target: list[str], source_language: str = "en"):
        documents = [
            build_document("source.txt", source_language, paragraphs("\n".join(source))),
            build_document("target.txt", language, paragraphs("\n".join(target))),
        ]
        return compare(documents, encoder).comparisons[0]

    return run


def structural(comparison):
    return sorted(
        (f.kind, f.level, f.source.line, f.target.line)
        for f in comparison.findings
        if f.kind in {"omission", "addition", "moved", "unrelated"} and f.level != "clause"
    )


@pytest.mark.parametrize("language", ["ar", "vi"])
def test_clean_translation_has_no_structural_finding(check, xquad, language):
    result = check(language, xquad["en"][10:15], xquad[language][10:15])
    assert result.verdict in {"parallel", "partial"}
    assert structural(result) == []


@pytest.mark.parametrize("language", ["ar", "vi"])
def test_deleted_paragraph(check, xquad, language):
    target = xquad[language][10:15]
    del target[2]
    assert structural(check(language, xquad["en"][10:15], target)) == [("omission", "paragraph", 3, None)]


@pytest.mark.parametrize("language", ["ar", "vi"])
def test_moved_paragraph(check, xquad, language):
    target = xquad[language][10:15]
    target.append(target.pop(1))
    assert structural(check(language, xquad["en"][10:15], target)) == [("moved", "paragraph", 2, 5)]


@pytest.mark.parametrize("language", ["ar", "vi"])
def test_sentences_reordered_within_their_paragraph_are_an_info_move(check, xquad, language):
    from aligner.segment import split_sentences

    target = xquad[language][10:15]
    sentences = [target[1][a:b].strip() for a, b in split_sentences(target[1], language)]
    target[1] = " ".join([sentences[-1], *sentences[:-1]])  # the paragraph's last sentence put first, as news translators do
    moves = [f for f in check(language, xquad["en"][10:15], target).findings if f.kind == "moved"]
    assert moves and all(f.level == "sentence" and f.severity is Severity.INFO and "within its paragraph" in f.message for f in moves)


@pytest.mark.parametrize("language", ["ar", "vi"])
def test_two_paragraphs_joined_in_another_order_are_an_info_move(check, xquad, language):
    """A translation that joins two paragraphs may put the second's sentences first (held-out dev
    n217: a director's paraphrase after his quotation); nothing is lost or misplaced for a reader.
    The same paragraph moved on without the join stays a move (``test_moved_paragraph``)."""
    target = xquad[language][10:15]
    target[1:3] = [f"{target[2]} {target[1]}"]
    findings = check(language, xquad["en"][10:15], target).findings
    moves = [f for f in findings if f.kind == "moved"]
    assert moves and all(f.severity is Severity.INFO and "the paragraph the translation joins it to" in f.message for f in moves)
    assert not [f for f in findings if f.kind in ("omission", "addition") and f.severity is not Severity.INFO]


@pytest.mark.parametrize("language", ["ar", "vi"])
def test_another_article_is_unrelated(check, xquad, language):
    result = check(language, xquad["en"][10:15], xquad[language][120:125])
    assert result.verdict == "unrelated"


def udhr_articles(language: str, start: int, stop: int) -> list[str]:
    """Sections ``start:stop`` ("Article 5 ¶ No one shall…"), one paragraph per heading and per article text."""
    lines = (UDHR / f"udhr.sections.{language}").read_text(encoding="utf-8-sig").splitlines()[start:stop]
    return [unicodedata.normalize("NFC", piece) for line in lines for piece in line.split(" ¶ ")]


def test_a_sentence_left_out_of_a_paragraph_is_missing_even_when_the_bead_takes_it_in(check):
    """UDHR article 16 (dev part), Arabic to Vietnamese without its second sentence ("They are
    entitled to equal rights as to marriage, during marriage and at its dissolution"). The
    alignment pairs both Arabic sentences with the one Vietnamese left, a bead of two to one; the
    second is found missing by comparing the translation with the bead with and without it; its
    severity is the calibrated model's (the dev findings of this shape are few, and it scores this
    one low, so it may be info)."""
    source = udhr_articles("ar", 16, 17)
    target = udhr_articles("vi", 16, 17)
    left_out = "Họ có quyền bình đẳng trong việc kết hôn, trong cuộc sống vợ chồng và lúc ly hôn."
    assert left_out in target[1]
    target[1] = target[1].replace(" " + left_out, "")
    missing = [f for f in check("vi", source, target, source_language="ar").findings if f.kind == "omission"]
    assert [(f.level, f.source.line) for f in missing] == [("sentence", 2)]
    assert "انحلاله" in missing[0].source.text


def test_an_aside_left_out_of_a_clause_is_the_clause_found_missing(check, xquad):
    """XQuAD (dev), the Yuan's Department of State Affairs, with the Vietnamese cut at a comma.
    The aside "(such as during the reign of Külüg Khan or Emperor Wuzong)" sits inside a clause
    whose name, "(Shangshu Sheng)", the translation keeps; as a span of its own (``finer_pieces``)
    it is the one found missing, and no clause around it is reported as well."""
    source, target = xquad["en"][180:183], xquad["vi"][180:183]
    cut = "chủ yếu liên quan đến tài chính đã được thành lập (chẳng hạn như dưới triều đại của Khúc Luật Hãn hoặc Hoàng đế Vũ Tông), "
    assert cut in target[2]
    target[2] = target[2].replace(cut, "")
    clauses = [f for f in check("vi", source, target).findings if f.level == "clause"]
    assert [(f.source.line, f.source.text[slice(*f.source.highlights[0])]) for f in clauses] == [
        (3, "(such as during the reign of Külüg Khan or Emperor Wuzong)")
    ]


def test_a_clause_the_translation_adds_is_an_info_addition(check, xquad):
    """XQuAD (dev), the Amazon's soybeans: the Vietnamese gives a reason the English does not
    ("thanks to the government's huge subsidies for farmers"), as a clause of a translated sentence.
    No sentence is added, so no check of sentences sees it; the clause check run from the target's
    side finds it: an addition at the clause level, info, highlighted in the target. The clean
    paragraphs draw no addition (their language names in brackets are unaligned words, no evidence here)."""
    source, target = xquad["en"][80:83], xquad["vi"][80:83]
    said = "Brazil hiện là nhà sản xuất đậu nành lớn thứ hai thế giới sau Hoa Kỳ."
    added = "nhờ những khoản trợ cấp khổng lồ của chính phủ dành cho nông dân."
    assert said in target[1]
    assert [f for f in check("vi", source, target).findings if f.kind == "addition"] == []
    target[1] = target[1].replace(said, f"{said[:-1]}, {added}")
    found = [f for f in check("vi", source, target).findings if f.kind == "addition"]
    assert [(f.level, f.severity, f.source.line, f.target.line, f.target.text[slice(*f.target.highlights[0])]) for f in found] == [
        ("clause", Severity.INFO, 2, 2, added)
    ]
    assert "Brazil is the second-largest" in found[0].source.text and found[0].message == f"clause not in the source: \u201c{added}\u201d"


def test_a_clause_the_translation_adds_with_its_own_figures_is_a_warning(check, xquad):
    """The same paragraph with a dateline of another article put in after the sentence, glued to the
    next one for want of a sentence end, as sentence_faults.py puts lines in (held-out dev batch 26,
    where this line went unreported): its date and its names are nowhere in the source, and the
    clause is a warning. An added clause without them stays info (above)."""
    source, target = xquad["en"][80:83], xquad["vi"][80:83]
    said = "Brazil hiện là nhà sản xuất đậu nành lớn thứ hai thế giới sau Hoa Kỳ."
    added = "SPLIT (Croatia), ngày 13-6 (Global Sports Wire) -"
    target[1] = target[1].replace(said, f"{said} {added}")
    found = [f for f in check("vi", source, target).findings if f.kind == "addition"]
    assert [(f.level, f.severity, f.target.line) for f in found] == [("clause", Severity.WARNING, 2)]
    assert "ngày 13-6" in found[0].target.text[slice(*found[0].target.highlights[0])]


@pytest.mark.parametrize(
    "added",
    [
        "Rotterdam, ngày 5/11/2026 (Maas Courier)",  # held-out dev n217, where it was an info number finding
        "Cố vấn tài chính lĩnh 9 năm tù vì lừa 58 người hưu trí 3,2 triệu AUD",  # a headline, n203: nothing reported
    ],
)
def test_a_line_glued_to_a_sentence_without_a_break_is_a_warning(check, xquad, added):
    """The same paragraph with a dateline or a headline of another article glued to the start of the
    next sentence, with no dash or comma to end it as a clause: the run of words at the sentence's
    start that have no partner in the source is examined as a clause, and with figures of its own it
    is a warning. Without them such a run is no finding (a translator's own wording)."""
    source, target = xquad["en"][80:83], xquad["vi"][80:83]
    said = "Brazil hiện là nhà sản xuất đậu nành lớn thứ hai thế giới sau Hoa Kỳ."
    target[1] = target[1].replace(said, f"{said} {added}")
    found = [f for f in check("vi", source, target).findings if f.kind == "addition"]
    assert [(f.level, f.severity, f.target.line) for f in found] == [("clause", Severity.WARNING, 2)]
    highlighted = found[0].target.text[slice(*found[0].target.highlights[0])]
    assert highlighted.startswith(added) and len(highlighted.split()) <= len(added.split()) + 1  # "… AUD Tuy": "Tuy nhiên" has no partner either


def test_a_line_glued_to_a_sentence_of_usual_length_is_a_warning(check, xquad):
    """The Vietnamese paragraph against its Arabic, wordier than the English, with a dateline glued to
    a sentence (held-out dev batch 28: "Tarvik, ngày 3/3/2026 (Meridian Wire) Thâm hụt ngân sách …"):
    even with the dateline the sentence is no longer than the pair's usual ratio makes it, so only its
    number the Arabic says nowhere has it examined (before, only an info number finding)."""
    source, target = xquad["ar"][80:83], xquad["vi"][80:83]
    said = "Khu vực này bao gồm lãnh thổ thuộc   chín quốc gia."
    dateline = "Tarvik, ngày 3/3/2026 (Meridian Wire)"
    target[0] = target[0].replace(said, f"{dateline} {said}")
    found = [f for f in check("vi", source, target, source_language="ar").findings if f.kind == "addition"]
    assert [(f.level, f.severity, f.target.line, f.evidence.get("glued")) for f in found] == [("clause", Severity.WARNING, 1, 1.0)]
    assert found[0].target.text[slice(*found[0].target.highlights[0])].startswith("Tarvik, ngày 3/3/2026"), found[0].target


# Held-out dev n254 (ar→vi): the Arabic says in one sentence what the Vietnamese says in three; the
# bead of the three took the first in, with all four of its figures, and came no closer to the Arabic
# without it (a warning before).
ARABICA_AR = [
    "مخاوف الصقيع في حزام البن البرازيلي تدفع «أرابيكا» إلى أعلى مستوى في 14 شهراً",
    "نيويورك، 24 يونيو (حزيران) - قفزت العقود الآجلة لبن «أرابيكا» بأكثر من 6 في المائة يوم الثلاثاء إلى أعلى مستوى لها في 14 شهراً، بعدما حذّر خبراء الأرصاد من أن كتلة هوائية قطبية قد تجلب الصقيع إلى مناطق الزراعة الرئيسية في البرازيل في وقت لاحق من هذا الأسبوع.",
    "وأغلق عقد سبتمبر (أيلول) القياسي في بورصة «آيس فيوتشرز يو إس» مرتفعاً 17.85 سنت، أي بنسبة 6.2 في المائة، عند 3.0615 دولار للرطل، بعدما لامس خلال الجلسة ذروة عند 3.0890 دولار قبيل الساعة الواحدة ظهراً بالتوقيت المحلي، مسجلاً بذلك أكبر مكاسبه في يوم واحد منذ فبراير (شباط) 2024. ولحقت بها عقود «روبوستا» الآجلة في لندن، إذ أغلق عقد سبتمبر مرتفعاً 4.1 في المائة عند 4872 دولاراً للطن.",
    "وقال خبراء الأرصاد في وكالة «سيرا أزول ميتيورولوجيا» الخاصة إن درجات الحرارة قد تنخفض إلى ما بين درجة مئوية واحدة تحت الصفر ودرجتين فوق الصفر في أجزاء من جنوب ولاية ميناس جيرايس في الساعات الأولى من يومي الخميس والجمعة. وقالت ريناتا فيليلا، كبيرة خبراء الأرصاد في الوكالة بمدينة كامبيناس: «هذه أبرد كتلة هوائية نراها متجهة نحو مناطق البن منذ يوليو (تموز) 2021». وأوضحت أن الحديث لا يدور عن صقيع أسود كما حدث في 2021، لكن الصقيع الأبيض في الحقول المنخفضة يمثل خطراً حقيقياً. وتوقعت أن تستمر موجة البرد نحو 36 ساعة على الأرجح، قبل أن تعاود درجات الحرارة الارتفاع خلال عطلة نهاية الأسبوع.",
]
ARABICA_VI = [
    "Lo sương giá tấn công vành đai cà phê Brazil, giá arabica lên đỉnh 14 tháng",
    "New York, 24/6 – Giá cà phê arabica kỳ hạn tăng vọt hơn 6% trong phiên thứ Ba, lên mức cao nhất trong 14 tháng, khi các chuyên gia khí tượng cảnh báo một khối không khí địa cực có thể mang sương giá tới các vùng trồng chính của Brazil vào nửa cuối tuần này.",
    "Hợp đồng arabica giao tháng 9, hợp đồng chuẩn trên sàn ICE Futures U.S., chốt phiên tăng 17,85 cent, tương đương 6,2%, lên 3,0615 USD/pound. Trong phiên, có lúc giá chạm đỉnh 3,0890 USD ngay trước 13h theo giờ địa phương. Đây là mức tăng trong một phiên mạnh nhất của hợp đồng này kể từ tháng 2/2024. Giá robusta trên sàn London cũng đi lên theo, với hợp đồng tháng 9 đóng cửa tăng 4,1%, ở mức 4.872 USD/tấn.",
    "Các chuyên gia của công ty khí tượng tư nhân Serra Azul Meteorologia cho biết nhiệt độ ở một số khu vực phía nam bang Minas Gerais có thể xuống trong khoảng từ âm 1 đến dương 2 độ C vào rạng sáng thứ Năm và thứ Sáu. \"Đây là khối không khí lạnh nhất tiến về các vùng cà phê mà chúng tôi từng thấy kể từ tháng 7/2021\", bà Renata Vilela, chuyên gia khí tượng trưởng của công ty tại Campinas, nói. Theo bà, đây không phải là đợt sương giá đen như năm 2021, nhưng sương giá trắng ở những lô đất trũng là nguy cơ có thật. Bà cho rằng đợt rét nhiều khả năng kéo dài khoảng 36 tiếng trước khi nhiệt độ tăng trở lại vào cuối tuần.",
]


def test_a_sentence_whose_figures_its_bead_source_says_is_no_added_sentence(check):
    """The sentence is info; with its figures changed it says what the Arabic does not, and is added."""
    assert [f for f in check("vi", ARABICA_AR, ARABICA_VI, source_language="ar").findings if f.kind == "addition" and f.severity != Severity.INFO] == []
    changed = [*ARABICA_VI[:2], ARABICA_VI[2].replace("17,85 cent, tương đương 6,2%, lên 3,0615", "12,40 cent, tương đương 4,3%, lên 2,9120"), ARABICA_VI[3]]
    found = [f for f in check("vi", ARABICA_AR, changed, source_language="ar").findings if f.kind == "addition"]
    assert [(f.level, f.severity, f.target.text[:32]) for f in found] == [("sentence", Severity.WARNING, "Hợp đồng arabica giao tháng 9, h")]


# Held-out dev n260 (en→ar): the Arabic says the charity's sentence after the next one; the aligner
# joined it to the sentence before in a bead whose Arabic lacks it, and left its translation unpaired
# (an error and a warning before).
FUNDING_EN = "The trial was funded with £4.2 million from the National Institute for Health and Care Research and £1.8 million from Kellbrook Biologics, the Cambridge company that makes ChondroSeed. The hospital's own charity contributed a further £350,000 towards the laboratory. Kellbrook had no role in analysing the data, according to the paper."
FUNDING_AR = "ومُوّلت التجربة بمبلغ 4,2 مليون جنيه إسترليني من المعهد الوطني لأبحاث الصحة والرعاية، و1,8 مليون جنيه إسترليني من شركة \"كيلبروك بيولوجيكس\" التي تتخذ من كامبريدج مقرا لها وتصنّع \"كوندروسيد\". وبحسب الورقة البحثية، لم يكن لـ\"كيلبروك\" أي دور في تحليل البيانات. وأسهمت المؤسسة الخيرية التابعة للمستشفى نفسه بمبلغ إضافي قدره 350 ألف جنيه إسترليني لصالح المختبر."


def test_a_sentence_translated_in_another_order_is_info_on_both_sides(check):
    found = [f for f in check("ar", [FUNDING_EN], [FUNDING_AR]).findings if f.kind in ("omission", "addition")]
    assert sorted((f.kind, f.severity) for f in found) == [("addition", Severity.INFO), ("omission", Severity.INFO)]
    assert all("translated in another order" in f.message for f in found)
    # Its amount changed, the Arabic sentence no longer says the English one.
    changed = FUNDING_AR.replace("350 ألف", "530 ألف")
    found = [f for f in check("ar", [FUNDING_EN], [changed]).findings if f.kind in ("omission", "addition")]
    assert found and not any("translated in another order" in f.message for f in found)


# Held-out dev n287 (en→vi): the Vietnamese says the lender's offer before the quotation and the
# broker's appointment after it; the aligner, which keeps the order, paired neither half (an error
# and a warning before). With the paragraph after it, as in the article.
REMORTGAGE_EN = [
    'For Tom and Rachel Ibbotson, who live in Headingley, Leeds, with their two children, the deadline is 31 July. Their five-year fix at 1.79% ends that day, with about £179,000 still owed. "We have been putting it off because we know it is going to hurt," said Rachel, 41, a hospital pharmacist. Their lender has offered 4.89% for two years, which would lift their payment from £742 to about £1,034 a month, and the couple have booked an appointment with a broker for Saturday at 10.30am.',
    'Compare product transfers and full remortgages. A product transfer means staying with your current lender and picking one of its new deals. It is usually quicker, often needs no fresh affordability check and rarely involves legal work. A full remortgage means switching to a different lender, which can unlock a better rate but involves a new application, a valuation and conveyancing, and can take four to eight weeks.',
]
REMORTGAGE_VI = [
    'Với vợ chồng Tom và Rachel Ibbotson, sống cùng hai con ở Headingley, Leeds, hạn chót là 31/7. Gói cố định 5 năm lãi suất 1,79% của họ kết thúc vào ngày đó, khi họ vẫn còn nợ khoảng 179.000 bảng. Bên cho vay của họ đã đề nghị mức 4,89% trong 2 năm, đẩy khoản trả hằng tháng từ 742 bảng lên khoảng 1.034 bảng. "Chúng tôi cứ trì hoãn vì biết rằng sẽ rất đau", chị Rachel, 41 tuổi, dược sĩ bệnh viện, nói. Hai vợ chồng đã đặt lịch gặp môi giới lúc 10h30 sáng thứ Bảy.',
    'So sánh chuyển đổi sản phẩm và tái thế chấp toàn phần. Chuyển đổi sản phẩm (product transfer) nghĩa là ở lại với bên cho vay hiện tại và chọn một trong các gói mới của họ. Cách này thường nhanh hơn, nhiều khi không cần thẩm định lại khả năng chi trả và hiếm khi cần thủ tục pháp lý. Tái thế chấp toàn phần nghĩa là chuyển sang bên cho vay khác, có thể giúp có lãi suất tốt hơn nhưng đòi hỏi hồ sơ mới, định giá tài sản và thủ tục chuyển nhượng pháp lý, và có thể mất 4-8 tuần.',
]


def test_a_sentence_split_around_its_neighbour_is_info_on_both_sides(check):
    found = [f for f in check("vi", REMORTGAGE_EN, REMORTGAGE_VI).findings if f.kind in ("omission", "addition")]
    assert not [f for f in found if f.severity != Severity.INFO]
    apart = sorted((f.kind, f.level) for f in found if "translated in another order" in f.message)
    assert apart == [("addition", "sentence"), ("omission", "sentence")]
    # With the offer changed, the Vietnamese half says what the English does not.
    changed = [REMORTGAGE_VI[0].replace("4,89%", "4,98%"), REMORTGAGE_VI[1]]
    found = [f for f in check("vi", REMORTGAGE_EN, changed).findings if f.kind in ("omission", "addition")]
    assert [f for f in found if f.severity != Severity.INFO] and not any("translated in another order" in f.message for f in found)


# Held-out dev n285 (en→vi): a council's bulky-waste page, whose collection days the model scores at a
# margin of 0.03 against their faithful Vietnamese (a low-similarity warning before).
COLLECTION_DAYS_EN = 'Residents will be able to book a collection online or by phone up to six weeks in advance. Each booking covers up to three items, and a maximum of two bookings can be made per household in any 12-month period. A reference number will be sent by text message or email, and it should be written on a label attached to the items. Items must be left outside the property by 7am on the collection day, but not before 6pm the evening before. Collections will take place on Tuesdays, Wednesdays and Saturdays. Crews will not enter homes or carry items down stairs.'
COLLECTION_DAYS_VI = 'Người dân có thể đặt lịch thu gom qua mạng hoặc qua điện thoại, trước tối đa 6 tuần. Mỗi lượt đặt được tối đa 3 món đồ, và mỗi hộ chỉ được đặt tối đa 2 lượt trong bất kỳ khoảng thời gian 12 tháng nào. Mã số tham chiếu sẽ được gửi qua tin nhắn hoặc email; người dân cần ghi mã này lên nhãn dán vào đồ cần thu gom. Đồ đạc phải được đặt bên ngoài nhà chậm nhất lúc 7 giờ sáng ngày thu gom, nhưng không được đặt ra trước 18 giờ tối hôm trước. Việc thu gom diễn ra vào thứ Ba, thứ Tư và thứ Bảy. Nhân viên thu gom sẽ không vào nhà hay khiêng đồ xuống cầu thang.'


def test_a_weak_bead_whose_days_of_the_week_agree_is_info(check):
    weak = [f for f in check("vi", [COLLECTION_DAYS_EN], [COLLECTION_DAYS_VI]).findings if f.kind == "low_similarity"]
    assert [(f.target.text[:31], f.severity) for f in weak] == [("Việc thu gom diễn ra vào thứ Ba", Severity.INFO)]
    assert weak[0].message.endswith("though the days of the week it names agree")
    changed = COLLECTION_DAYS_VI.replace("thứ Tư và thứ Bảy", "thứ Tư và thứ Sáu")
    weak = [f for f in check("vi", [COLLECTION_DAYS_EN], [changed]).findings if f.kind == "low_similarity"]
    assert [f.severity for f in weak] == [Severity.WARNING]


def test_a_run_whose_numbers_the_source_says_elsewhere_is_no_glued_line(check, xquad):
    """A line glued to a sentence of the next paragraph, whose numbers the source document says in its
    first paragraph: a clause a translator moved, as held-out dev n196's vote count, not a line of
    another text. A dateline glued there is a warning."""
    source, target = xquad["en"][80:83], xquad["vi"][80:83]
    said = "hiện đang triển khai tại Amazon."
    moved, dateline = "Rừng trải trên 5.500.000 km vuông của chín quốc gia", "Rotterdam, ngày 5/11/2026 (Maas Courier)"
    assert [f for f in check("vi", source, [*target[:2], target[2].replace(said, f"{said} {moved}")]).findings if f.kind == "addition"] == []
    found = [f for f in check("vi", source, [*target[:2], target[2].replace(said, f"{said} {dateline}")]).findings if f.kind == "addition"]
    assert [(f.level, f.severity, f.target.line, f.evidence.get("glued")) for f in found] == [("clause", Severity.WARNING, 3, 1.0)]


@pytest.mark.parametrize(
    "paragraph, after, put_in",
    [
        (3, "", "لا يجوز تجريد أحد من ملكه تعسفا."),  # before the only sentence: a bead of one to two
        (1, "لا يجوز إسترقاق أو إستعباد أي شخص.", "يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق."),  # between the halves of one: one to three
    ],
)
def test_a_sentence_put_in_is_added_even_when_the_bead_takes_it_in(check, paragraph, after, put_in):
    """UDHR articles 4 to 6 (dev part) in Arabic with a sentence of another article put in, as
    discrepancy.py's dev pairs do: the alignment pairs it and its neighbours with one English
    sentence, and no sentence is left unaligned; the sentence is found added by comparing the
    bead's target with and without it (before, nothing was reported)."""
    source, target = udhr_articles("en", 4, 7), udhr_articles("ar", 4, 7)
    assert target[paragraph].startswith(after)
    target[paragraph] = " ".join(filter(None, [after, put_in, target[paragraph][len(after) :].strip()]))
    added = [f for f in check("ar", source, target).findings if f.kind in ("addition", "omission")]
    assert [(f.kind, f.level, f.target.line, f.target.text) for f in added] == [("addition", "sentence", paragraph + 1, put_in)]


def mqm_talk(system: str, first: int, last: int) -> tuple[list[str], list[str]]:
    """Segments first..last of MQM zh-en's talk.9 (dev part) in one system's translation, four to a paragraph."""
    rows = [json.loads(line) for line in (CORPORA / "mqm-ted-en-de-zh-en" / "segments.zh-en.jsonl").read_text(encoding="utf-8").splitlines()]
    segments = sorted((r for r in rows if r["system"] == system and r["doc"] == "talk.9" and first <= int(r["seg"]) <= last), key=lambda r: int(r["seg"]))
    return tuple([" ".join(s[side].strip() for s in segments[k : k + 4]) for k in range(0, len(segments), 4)] for side in ("source", "target"))


@pytest.mark.parametrize(
    ("system", "missing"),
    [
        # The translators marked as omitted (Major) the segment's second sentence, "no sign of a
        # correlation": the bead joins both Chinese sentences with the one English; the sentence's
        # words have no partner in it (0.8), where the sentence embeddings alone saw no gap.
        ("metricsystem4", ("sentence", "没有关联的迹象。")),
        # ... and the first clause of a long sentence, "the first [test] was of these rich developed countries".
        ("Facebook-AI", ("clause", "第一次针对的是这些富裕发达国家")),
        # The human reference and a system the translators found no omission in, on the same segments.
        ("ref", None),
        ("DIDI-NLP", None),
    ],
)
def test_real_omissions_of_machine_translation_from_chinese_are_found(check, system, missing):
    """Chinese is written without spaces: its clauses end at full-width commas, and a Han character
    counts 0.62 words, so its clauses are as big as an English clause of the same meaning (with
    spaces as the only word boundary, no Chinese clause reached the 4 words a clause must have)."""
    source, target = mqm_talk(system, 716, 747)
    omissions = [f for f in check("en", source, target, source_language="zh").findings if f.kind == "omission"]
    if missing is None:
        assert omissions == []
    else:
        level, text = missing
        assert [f.level for f in omissions] == [level]
        span = omissions[0].source
        assert (span.text[slice(*span.highlights[0])] if span.highlights else span.text) == text
        # The size of what is missing, in letters of a spaced script, is evidence for its confidence.
        assert omissions[0].evidence["log_chars"] == pytest.approx(math.log1p(spaced_length(text)))


@pytest.mark.parametrize("language", ["ar", "vi"])
def test_other_articles_of_a_formulaic_text_are_unrelated(check, language):
    """The headings pair up by their shape ("Article 5" with "المادة 15"), one every other sentence:
    they must not make other articles look like a translation."""
    assert check(language, udhr_articles("en", 5, 8), udhr_articles(language, 15, 18)).verdict == "unrelated"
    assert check(language, udhr_articles("en", 5, 8), udhr_articles(language, 5, 8)).verdict != "unrelated"


def literary_chapter(side: str, name: str) -> list[str]:
    """A chapter of aligner-eval's MAC corpus (Chinese novels, their published English translations),
    one sentence a line, as paragraphs of five lines."""
    lines = (CORPORA / "aligner-eval-zh-en" / "mac" / side / name).read_text(encoding="utf-8").splitlines()
    return [" ".join(lines[k : k + 5]) for k in range(0, len(lines), 5)]


def test_a_loose_translation_the_model_links_weakly_is_still_a_translation(check):
    """MAC chapter 005 (a dev document): the English retells the Chinese freely, and the model
    gives few of its sentence pairs a confident margin (2% of them in confident runs), so it was
    called unrelated; its weak links still come in runs. Against another chapter's English, they do not."""
    source = literary_chapter("src", "005")
    translation = check("en", source, literary_chapter("tgt", "005"), source_language="zh")
    assert translation.verdict != "unrelated"
    # Its beads under the margin that en/ar/vi pairs are reported at are usual for it: gold aligns them.
    assert [f for f in translation.findings if f.kind == "low_similarity"] == []
    assert check("en", source, literary_chapter("tgt", "006"), source_language="zh").verdict == "unrelated"


def subtitles(language: str, paragraph: int) -> list[str]:
    """IWSLT tst2012's lines 4k to 4k+3 as one paragraph (as benchmarks/discrepancy.py makes them), untokenized."""
    lines = (CORPORA / "iwslt15-en-vi" / f"tst2012.{language}").read_text(encoding="utf-8-sig").splitlines()[4 * paragraph : 4 * paragraph + 4]
    text = html.unescape(" ".join(line.strip() for line in lines))
    return [re.sub(r" (n't|'s|'re|'ll|[.,!?;:])", r"\1", text)]


def test_english_sentences_an_unpunctuated_subtitle_says_together_are_not_missing(check):
    """IWSLT dev, en→vi: the Vietnamese subtitles have no stops, so two English sentences face one
    Vietnamese one that says both ("điều đầu tiên bà muốn con hứa…", "nó là đứa con gái bé bỏng…").
    The one the alignment leaves out brings the bead beside it closer to its translation: info.
    (A piece of a clause the loose subtitle leaves unaligned may be an info clause omission.)"""
    omissions = [f for f in check("vi", subtitles("en", 41), subtitles("vi", 41)).findings if f.kind == "omission"]
    missing = [f for f in omissions if f.level == "sentence"]
    assert missing and all("reads closer to its translation" in f.message for f in missing)
    assert "The first thing I want you to promise me" in " ".join(f.source.text for f in missing)
    assert all(f.severity is Severity.INFO for f in omissions)


def test_changed_year_is_a_number_mismatch(check, xquad):
    source, target = xquad["en"][10:15], xquad["vi"][10:15]
    assert "1030" in source[1] and "1030" in target[1]
    target[1] = target[1].replace("1030", "1003")
    mismatches = [f for f in check("vi", source, target).findings if f.kind == "number_mismatch"]
    assert [(f.source.line, f.severity.value) for f in mismatches] == [(2, "error")]
    assert "1030" in mismatches[0].message and "1003" in mismatches[0].message


def test_a_sentence_facing_a_subtitle_that_runs_on_without_a_stop_is_not_missing(check):
    """IWSLT dev, en→vi: "It would be so energizing and so empowering." is said inside a Vietnamese
    subtitle run of four lines without a sentence end ("việc này thực sự đã tiếp thêm nghị lực cho
    tôi rất nhiều"), more than three times its length, where the segmenter cannot draw the
    boundaries: info. A sentence cut out of a punctuated translation stays a warning (test_findings)."""
    findings = check("vi", subtitles("en", 75), subtitles("vi", 75)).findings
    missing = [f for f in findings if f.kind == "omission" and f.level == "sentence" and "energizing" in f.source.text]
    assert missing and all(f.severity is Severity.INFO and "runs on without a sentence end" in f.message for f in missing)


# Held-out dev n310 (en→ar): the Arabic says the spokeswoman's sentence before the staff count, and joins
# "It did not say how many jobs would be affected." to the sentence before it; the aligner, which keeps
# the order, paired that sentence with the spokeswoman's Arabic and left the English spokeswoman unpaired.
STORES_EN = [
    "The company said its gross margin for the full year would be about 150 basis points lower than last year. Freight costs on goods shipped from Asia had also been higher than planned, it said. It added that increases in the national minimum wage and in employers' national insurance contributions would add roughly £24 million to its costs in the next financial year.",
    'Pembrook & Vale said it would review its store estate and expected to close "up to 30" loss-making shops over the next two years. It did not say how many jobs would be affected. The group employs about 9,200 people, most of them part-time. A company spokeswoman said no decision had been taken on any specific store.',
    'The retailer suspended its final dividend, which would have been worth 5.2 pence a share, to protect its balance sheet. It said net debt, excluding leases, stood at £96 million at the end of December and that its banks had agreed to relax a covenant test due in April.',
]
STORES_AR = [
    'وذكرت الشركة أن هامشها الإجمالي للعام بأكمله سيكون أقل بنحو 150 نقطة أساس من العام الماضي، مضيفة أن تكاليف شحن البضائع من آسيا جاءت هي الأخرى أعلى من المخطط. كما أشارت إلى أن زيادة الحد الأدنى الوطني للأجور ومساهمات التأمين الوطني التي يدفعها أصحاب العمل ستضيف نحو 24 مليون جنيه إسترليني إلى تكاليفها في السنة المالية المقبلة.',
    'وقالت بيمبروك آند فيل إنها ستراجع شبكة متاجرها، وتتوقع إغلاق ما "يصل إلى 30" متجرا خاسرا خلال العامين المقبلين، من دون أن تحدد عدد الوظائف التي ستتأثر بذلك. وقالت متحدثة باسم الشركة إنه لم يُتخذ أي قرار بشأن أي متجر بعينه. وتوظف المجموعة نحو 9200 شخص، يعمل معظمهم بدوام جزئي.',
    'وعلقت الشركة توزيع أرباحها النهائية، التي كانت ستبلغ 5,2 بنس للسهم، لحماية ميزانيتها العمومية. وقالت إن صافي الدين، باستثناء عقود الإيجار، بلغ 96 مليون جنيه إسترليني في نهاية ديسمبر، وإن بنوكها وافقت على تخفيف اختبار لشروط الاقتراض يحل موعده في أبريل.',
]


def test_a_sentence_whose_counterpart_a_weaker_bead_holds_is_info(check):
    omitted = [f for f in check("ar", STORES_EN, STORES_AR).findings if f.kind == "omission"]
    assert [f for f in omitted if f.severity != Severity.INFO] == []
    apart = [f for f in omitted if f.source.text.startswith("A company spokeswoman")]
    assert len(apart) == 1 and "translated in another order" in apart[0].message
    # Without the spokeswoman's Arabic, the sentence is missing.
    cut = STORES_AR[1].replace(" وقالت متحدثة باسم الشركة إنه لم يُتخذ أي قرار بشأن أي متجر بعينه.", "")
    omitted = [f for f in check("ar", STORES_EN, [STORES_AR[0], cut, STORES_AR[2]]).findings if f.kind == "omission" and f.severity != Severity.INFO]
    assert [f.source.text[:21] for f in omitted] == ["A company spokeswoman"]
