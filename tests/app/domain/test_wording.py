"""The wording screen: listed terms found in Chinese and English notes, and no false alarms."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.domain.wording import flagged_terms, parse_terms
from app.services.visits import abusive_terms

TERMS = ("liar", "kill you", "杀了你", "老赖", "tell your employer")


def test_chinese_terms_are_found_whatever_the_spacing_and_width() -> None:
    assert flagged_terms("他说再不还就杀 了 你", TERMS) == ("杀了你",)
    assert flagged_terms("借款人是个老赖，杀了你", TERMS) == ("杀了你", "老赖")


def test_english_terms_match_whole_words_in_any_case_and_width() -> None:
    assert flagged_terms("I will KILL   you", TERMS) == ("kill you",)
    assert flagged_terms("ＫＩＬＬ you now", TERMS) == ("kill you",)
    assert flagged_terms("He is familiar with the plan", TERMS) == ()
    assert flagged_terms("We will tell your\\nemployer", TERMS) == ()
    assert flagged_terms("We will tell your\nemployer", TERMS) == ("tell your employer",)


def test_polite_notes_raise_nothing_with_the_shipped_list() -> None:
    shipped = abusive_terms()
    assert "杀了你" in shipped and "deadbeat" in shipped
    for note in (
        "借款人态度良好，承诺月底前还款",
        "不在家，邻居说已搬离，留下联系卡",
        "Borrower was polite and familiar with the plan; promised to pay on Friday",
        "滚动还款计划已解释清楚",
    ):
        assert flagged_terms(note, shipped) == (), note


def test_the_list_file_format_skips_comments_blanks_and_repeats() -> None:
    assert parse_terms(["# comment", "", "  威胁 ", "威胁", "scum"]) == ("威胁", "scum")


CJK = st.text(alphabet="的了是在我有他这中大来上个国到说们为子和你地出道也时年", max_size=30)


@given(before=CJK, after=CJK, spaces=st.lists(st.sampled_from(["", " ", "  ", "\t"]), min_size=2))
def test_a_term_typed_anywhere_with_any_spacing_is_always_found(
    before: str, after: str, spaces: list[str]
) -> None:
    spaced = "杀" + spaces[0] + "了" + spaces[1] + "你"
    assert "杀了你" in flagged_terms(before + spaced + after, TERMS)
