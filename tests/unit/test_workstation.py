"""The workstation check: the shipped checklist, its file rules, answers, changes, the store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from posturebreak.core.workstation import (
    ITEM_IDS,
    NOTE_MAX_CHARS,
    Answer,
    ChecklistError,
    ItemAnswer,
    WorkstationCheck,
    changes,
    not_yet,
    parse_checklist,
    summary_text,
)
from posturebreak.resources import resources_dir
from posturebreak.services.activity_store import ActivityLogError, ActivityStore
from posturebreak.services.workstation_store import WorkstationStore, load_checklist

T0 = datetime(2037, 3, 2, 9, 0, tzinfo=UTC)
YES, NOT_YET, NOT_APPLICABLE = Answer.YES, Answer.NOT_YET, Answer.NOT_APPLICABLE


def entry(ident: str, **fields: str) -> str:
    words = {"title": ident.title(), "question": "Is it so?", "guidance": "Do it so."} | fields
    lines = [f'id = "{ident}"', *(f"{key} = {value!r}" for key, value in words.items())]
    return "[[item]]\n" + "\n".join(lines).replace("'", '"') + "\n"


def checklist_text(*entries: str, version: str = "1") -> str:
    return f"version = {version}\n" + "".join(entries or [entry(i) for i in ITEM_IDS])


def test_the_shipped_checklist_asks_about_every_item_in_the_agreed_order() -> None:
    items = load_checklist()
    assert [item.id for item in items] == list(ITEM_IDS)
    assert items[2].title == "Monitor at eye level"
    for item in items:
        assert item.question.endswith("?")
        assert 20 <= len(item.guidance) <= 200, item.id
    assert items[1].illustration == "illustrations/workstation-desk-height.svg"


def test_the_shipped_checklist_makes_no_medical_claims() -> None:
    words = " ".join(f"{item.question} {item.guidance}" for item in load_checklist()).lower()
    for claim in ("cure", "prevent", "treat", "heal", "pain", "injury", "diagnos"):
        assert claim not in words


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("version = [", "not valid TOML"),
        ("version = 2", "version must be 1, got 2"),
        ('version = "1"', "version must be 1, got '1'"),
        ("version = 1\nitem = 3", "item must be an array of tables"),
        (checklist_text("item = 1\n"), "must be an array of tables"),
        (checklist_text(entry("chair", title="")), "item 1 (chair): title must be non-empty"),
        (checklist_text(entry("sofa")), "item 1: id must be one of 'chair'"),
        (checklist_text(entry("chair") + entry("chair")), "each once; got chair, chair"),
        (checklist_text(entry("chair")), "the items must be chair, desk_height"),
        (
            checklist_text(entry("chair", colour="red")),
            "item 1 needs exactly id, title, question, guidance; unknown colour",
        ),
        (
            "version = 1\n[[item]]\nid = 'chair'\ntitle = 'Chair'",
            "item 1 needs exactly id, title, question, guidance; lacks guidance, question",
        ),
    ],
)
def test_a_bad_checklist_is_refused_with_the_place_and_fault_named(text: str, message: str) -> None:
    with pytest.raises(ChecklistError, match=r"^work\.toml") as raised:
        parse_checklist(text, "work.toml")
    assert message in str(raised.value)


def test_items_may_come_in_any_order_and_their_words_are_tidied() -> None:
    ids = list(reversed(ITEM_IDS))
    text = checklist_text(*[entry(i, question="  Is\n it   so? ") for i in ids])
    items = parse_checklist(text, "work.toml")
    assert [item.id for item in items] == ids
    assert items[0].question == "Is it so?"


def test_a_note_is_kept_on_one_line_and_cut_to_its_length() -> None:
    assert ItemAnswer(YES, "  new\n  cushion ").note == "new cushion"
    assert len(ItemAnswer(YES, "x" * 500).note) == NOTE_MAX_CHARS
    assert ItemAnswer(NOT_YET, "ordered one").text == "Not yet (ordered one)"
    assert ItemAnswer(NOT_APPLICABLE).text == "Not applicable"


def test_changes_list_what_differs_in_checklist_order_with_both_answers() -> None:
    items = load_checklist()
    before = WorkstationCheck(
        T0,
        {
            "monitor": ItemAnswer(NOT_YET),
            "chair": ItemAnswer(YES),
            "wrists": ItemAnswer(YES, "gel pad"),
            "feet": ItemAnswer(NOT_APPLICABLE),
        },
    )
    after = WorkstationCheck(
        T0 + timedelta(days=28),
        {
            "monitor": ItemAnswer(YES),
            "chair": ItemAnswer(YES),
            "wrists": ItemAnswer(YES),
            "reach": ItemAnswer(NOT_YET),
        },
    )
    assert [change.text() for change in changes(items, before, after)] == [
        "Monitor at eye level: Not yet → Yes",
        "Keyboard and mouse within easy reach: not answered → Not yet",
        "Feet flat or on a foot rest: Not applicable → not answered",
        "Wrist position: Yes (gel pad) → Yes",
    ]
    assert changes(items, after, after) == []


def test_the_summary_counts_settled_items_and_not_yet_names_the_others() -> None:
    items = load_checklist()
    check = WorkstationCheck(
        T0,
        {
            "wrists": ItemAnswer(NOT_YET),
            "chair": ItemAnswer(YES),
            "monitor": ItemAnswer(NOT_YET),
            "feet": ItemAnswer(NOT_APPLICABLE),
        },
    )
    assert summary_text(items, check) == "2 of 4 in place or not applicable"
    assert not_yet(items, check) == ["Monitor at eye level", "Wrist position"]
    assert not_yet(items, WorkstationCheck(T0)) == []


def store_in(folder: Path) -> tuple[WorkstationStore, ActivityStore]:
    failures: list[str] = []
    activity = ActivityStore(folder / "activity.sqlite3", failures.append)
    return WorkstationStore(activity), activity


def test_checks_come_back_newest_first_with_their_answers_and_notes(tmp_path: Path) -> None:
    store, activity = store_in(tmp_path)
    assert store.latest() is None
    first = WorkstationCheck(T0, {"chair": ItemAnswer(NOT_YET, "too low"), "feet": ItemAnswer(YES)})
    second = WorkstationCheck(T0 + timedelta(days=28), {"chair": ItemAnswer(YES)})
    empty = WorkstationCheck(T0 + timedelta(days=30))
    for check in (first, second, empty):
        store.save(check)
    activity.close()

    store, activity = store_in(tmp_path)  # as after a restart
    assert store.checks() == [empty, second, first]
    assert store.latest() == empty
    activity.close()


def test_a_check_keeps_its_local_day_and_utc_time(tmp_path: Path) -> None:
    store, activity = store_in(tmp_path)
    store.save(WorkstationCheck(T0, {"chair": ItemAnswer(YES)}))
    row = (
        activity.connection()
        .execute("SELECT checked_utc, local_day FROM workstation_checks")
        .fetchone()
    )
    assert row == ("2037-03-02T09:00:00+00:00", T0.astimezone().date().isoformat())
    activity.close()


def test_a_check_that_cannot_be_saved_says_why_and_leaves_no_half_check(tmp_path: Path) -> None:
    store, activity = store_in(tmp_path)
    store.save(WorkstationCheck(T0, {"chair": ItemAnswer(YES)}))
    activity.close()
    database = tmp_path / "activity.sqlite3"
    database.rename(tmp_path / "aside")
    database.mkdir()  # the log's place is taken: nothing can be opened or written there
    with pytest.raises(ActivityLogError, match="workstation check could not be saved"):
        store.save(WorkstationCheck(T0 + timedelta(days=1), {"chair": ItemAnswer(NOT_YET)}))
    database.rmdir()
    (tmp_path / "aside").rename(database)
    assert [check.checked_at for check in store.checks()] == [T0]
    activity.close()


def test_an_unknown_answer_in_the_log_is_refused_by_the_database(tmp_path: Path) -> None:
    import sqlite3

    store, activity = store_in(tmp_path)
    store.save(WorkstationCheck(T0))
    with pytest.raises(sqlite3.IntegrityError):
        activity.connection().execute(
            "INSERT INTO workstation_answers VALUES (1, 'chair', 'maybe', '')"
        )
    activity.close()


def test_the_illustrations_drawn_so_far_are_named_as_the_checklist_expects() -> None:
    names = {item.illustration for item in load_checklist()}
    drawn = {
        f"illustrations/{path.name}"
        for path in (resources_dir() / "illustrations").glob("workstation-*.svg")
    }
    assert drawn <= names
