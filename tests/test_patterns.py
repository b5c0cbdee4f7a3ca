"""Event lexicon: built-in patterns, users' files adding and replacing words, and bad files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsevents.errors import LexiconError
from newsevents.patterns import PLOVER_CATEGORIES, Lexicon


def _write(tmp_path: Path, body: str) -> str:
    path = tmp_path / "user.toml"
    path.write_text(body, encoding="utf-8")
    return str(path)


def test_patterns_builtin_lexicon_covers_core_categories() -> None:
    lexicon = Lexicon.load()
    assert len(lexicon) > 100
    assert {p.category for p in lexicon.patterns("VERB", "shoot")} == {"ASSAULT"}
    assert {p.category for p in lexicon.patterns("VERB", "arrest")} == {"COERCE"}
    assert lexicon.patterns("VERB", "no-such-word") == []


def test_patterns_companion_word_is_parsed() -> None:
    impose = Lexicon.load().patterns("VERB", "impose")
    sanction = [p for p in impose if p.category == "SANCTION"]
    assert [p.companion for p in sanction] == ["sanction"]
    assert sanction[0].recipient_preps == ("on", "against")


def test_patterns_category_info_has_cameo_and_acled() -> None:
    info = Lexicon.load().category("ASSAULT")
    assert info.cameo == "18"
    assert info.acled == ("Violence against civilians", "Attack")
    assert Lexicon.load().category("CONSULT").acled is None


def test_patterns_user_file_adds_new_word(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        '[[trigger]]\ncategory = "ASSAULT"\nmode = "primitive"\nverbs = ["pummel"]\nweight = 0.5\n',
    )
    builtin, extended = Lexicon.load(), Lexicon.load([path])
    assert builtin.patterns("VERB", "pummel") == []
    (pattern,) = extended.patterns("VERB", "pummel")
    assert (pattern.category, pattern.mode, pattern.weight) == ("ASSAULT", "primitive", 0.5)
    assert len(extended) == len(builtin) + 1
    assert extended.patterns("VERB", "shoot") == builtin.patterns("VERB", "shoot")


def test_patterns_user_word_replaces_builtin_same_head(tmp_path: Path) -> None:
    path = _write(tmp_path, '[[trigger]]\ncategory = "PROTEST"\nverbs = ["storm"]\n')
    assert {p.category for p in Lexicon.load().patterns("VERB", "storm")} == {"ASSAULT"}
    assert [p.category for p in Lexicon.load([path]).patterns("VERB", "storm")] == ["PROTEST"]


def test_patterns_user_word_with_companion_keeps_bare_builtin(tmp_path: Path) -> None:
    """Only the same head *and* companion is replaced: "storm+building" leaves "storm" alone."""
    path = _write(tmp_path, '[[trigger]]\ncategory = "PROTEST"\nverbs = ["storm+building"]\n')
    storm = Lexicon.load([path]).patterns("VERB", "storm")
    assert {(p.category, p.companion) for p in storm} == {
        ("ASSAULT", None),
        ("PROTEST", "building"),
    }


def test_patterns_user_category_overrides_equivalents(tmp_path: Path) -> None:
    path = _write(tmp_path, '[category.CONSULT]\ncameo = "040"\nacled = ["Other", "Meeting"]\n')
    info = Lexicon.load([path]).category("CONSULT")
    assert (info.cameo, info.acled) == ("040", ("Other", "Meeting"))


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[trigger]]\ncategory = "BOMBARD"\nverbs = ["x"]\n', "unknown PLOVER category"),
        ('[[trigger]]\nverbs = ["x"]\n', "category: Field required"),
        ('[[trigger]]\ncategory = "ASSAULT"\nacled = ["Battles"]\nverbs = ["x"]\n', "acled"),
        ('[category.NOTHING]\ncameo = "1"\n', "unknown PLOVER category"),
        ("[[trigger]\n", "not valid TOML"),
    ],
)
def test_patterns_bad_user_file_raises_lexicon_error(
    tmp_path: Path, body: str, message: str
) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(LexiconError, match=message) as info:
        Lexicon.load([path])
    assert info.value.path.endswith("user.toml")


def test_patterns_missing_user_file_raises_lexicon_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="file not found"):
        Lexicon.load([str(tmp_path / "absent.toml")])


def test_patterns_contexts_from_sentence_words() -> None:
    lexicon = Lexicon.load()
    assert lexicon.contexts(["the", "of"]) == ()
    assert lexicon.contexts(["soldier", "refugee", "the", "troop"]) == ("military", "refugees")


def test_patterns_categories_are_the_sixteen_plover_ones() -> None:
    assert len(PLOVER_CATEGORIES) == len(set(PLOVER_CATEGORIES)) == 16


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('category = "COERCE"\nverbs = "arrest"\n', "verbs: Input should be a valid list"),
        ('category = "COERCE"\nverb = ["arrest"]\n', "verb: Extra inputs are not permitted"),
    ],
)
def test_patterns_user_entry_is_validated(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "user.toml"
    path.write_text("[[trigger]]\n" + body, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        Lexicon.load([str(path)])


def test_patterns_user_word_of_weight_zero_removes_builtin(tmp_path: Path) -> None:
    path = _write(tmp_path, '[[trigger]]\ncategory = "ASSAULT"\nverbs = ["hit"]\nweight = 0\n')
    assert Lexicon.load().patterns("VERB", "hit")
    assert Lexicon.load([path]).patterns("VERB", "hit") == []


def test_patterns_later_user_file_wins(tmp_path: Path) -> None:
    first = tmp_path / "first.toml"
    first.write_text('[[trigger]]\ncategory = "PROTEST"\nverbs = ["storm"]\n', encoding="utf-8")
    second = tmp_path / "second.toml"
    second.write_text('[[trigger]]\ncategory = "COERCE"\nverbs = ["storm"]\n', encoding="utf-8")
    storm = Lexicon.load([str(first), str(second)]).patterns("VERB", "storm")
    assert [p.category for p in storm] == ["COERCE"]


def test_patterns_user_frame_words_are_added(tmp_path: Path) -> None:
    body = (
        '[deontic]\nmodals = ["need"]\n'
        '[commitment]\nadjectives = ["keen"]\n'
        '[crowd]\nwords = ["mob"]\n'
    )
    builtin, extended = Lexicon.load(), Lexicon.load([_write(tmp_path, body)])
    assert builtin.deontic is not None and extended.deontic is not None
    assert extended.deontic.modals == builtin.deontic.modals | {"need"}
    assert extended.deontic.reporting == builtin.deontic.reporting
    assert extended.commitment is not None and "keen" in extended.commitment.adjectives
    assert "willing" in extended.commitment.adjectives
    assert extended.crowd == builtin.crowd | {"mob"}


def test_patterns_user_frame_category_replaces_ours(tmp_path: Path) -> None:
    path = _write(tmp_path, '[commitment]\ncategory = "SUPPORT"\n')
    commitment = Lexicon.load([path]).commitment
    assert commitment is not None and commitment.pattern.category == "SUPPORT"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[crowd]\nwords = "mob"\n', r"\[crowd\] words"),
        ('[deontic]\nverbs = ["say"]\n', r"\[deontic\] verbs"),
        ('[commitment]\ncategory = "HOPE"\n', "unknown PLOVER category"),
        ('crowd = ["mob"]\n', r"\[crowd\] must be a table"),
    ],
)
def test_patterns_bad_frame_table_raises_lexicon_error(
    tmp_path: Path, body: str, message: str
) -> None:
    with pytest.raises(LexiconError, match=message):
        Lexicon.load([_write(tmp_path, body)])


def test_patterns_user_context_words_add_and_move(tmp_path: Path) -> None:
    path = _write(tmp_path, '[context]\nmaritime = ["ship", "port"]\nlegal = ["troop"]\n')
    lexicon = Lexicon.load([path])
    assert lexicon.contexts(["ship"]) == ("maritime",)
    assert lexicon.contexts(["troop"]) == ("legal",)
    assert lexicon.contexts(["soldier"]) == ("military",)


def test_patterns_user_category_table_keeps_fields_it_does_not_give(tmp_path: Path) -> None:
    path = _write(tmp_path, '[category.ASSAULT]\ncameo = "190"\n')
    builtin, info = Lexicon.load().category("ASSAULT"), Lexicon.load([path]).category("ASSAULT")
    assert info.cameo == "190"
    assert (info.acled, info.modes, info.contexts) == (
        builtin.acled,
        builtin.modes,
        builtin.contexts,
    )


@pytest.mark.parametrize("name", PLOVER_CATEGORIES)
def test_patterns_every_category_is_documented(name: str) -> None:
    info = Lexicon.load().category(name)
    assert info.about and info.cameo and info.contexts
    # PLOVER defines no modes for AGREE and CONCEDE; every other category lists its own
    assert bool(info.modes) is (name not in ("AGREE", "CONCEDE"))


def test_patterns_trigger_modes_are_the_documented_ones() -> None:
    lexicon = Lexicon.load()
    used = {(p.category, p.mode) for p in lexicon if p.mode}
    undocumented = {(c, m) for c, m in used if m not in lexicon.category(c).modes}
    assert undocumented == set()
    assert all(lexicon.category(c).modes for c in {c for c, _ in used})


def test_patterns_category_contexts_are_defined_context_codes() -> None:
    lexicon = Lexicon.load()
    for name in PLOVER_CATEGORIES:
        assert set(lexicon.category(name).contexts) <= lexicon.context_codes, name


def test_patterns_hyphenated_word_also_matches_its_halves() -> None:
    sit = Lexicon.load().patterns("NOUN", "sit")
    assert [(p.category, p.companion) for p in sit] == [("PROTEST", "in")]
    assert Lexicon.load().patterns("NOUN", "sit-in")


def test_patterns_readme_example_file_loads(tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- lexicon-example.*?-->\n```toml\n(.*?)```", readme, re.S)
    assert block, "README has no lexicon-example block"
    lexicon = Lexicon.load([_write(tmp_path, block.group(1))])
    assert [p.category for p in lexicon.patterns("VERB", "torpedo")] == ["ASSAULT"]
    assert [p.companion for p in lexicon.patterns("VERB", "board")] == ["vessel"]
    assert lexicon.patterns("VERB", "hit") == []
    assert "fisherman" in lexicon.crowd
    assert lexicon.contexts(["tanker"]) == ("maritime",)
