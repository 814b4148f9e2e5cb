"""The exercise catalogue and workstation checklist speak German and Spanish.

Their files stay English; the words are translated as they load, and
``scripts/catalogue-pot`` lists exactly the words the loader looks up.
"""

from __future__ import annotations

import gettext
import importlib.machinery
import importlib.util
import json
import subprocess
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest

from posturebreak.core.catalogue import TRANSLATED_FIELDS as EXERCISE_FIELDS
from posturebreak.core.catalogue import Exercise
from posturebreak.core.data_text import texts
from posturebreak.core.workstation import TRANSLATED_FIELDS as ITEM_FIELDS
from posturebreak.core.workstation import (
    Answer,
    Change,
    ChecklistItem,
    ItemAnswer,
    WorkstationCheck,
    summary_text,
)
from posturebreak.services.catalogue_files import load_catalogue
from posturebreak.services.workstation_store import load_checklist
from tests.support.language import speaking

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ("de", "es")


def words_by_place(
    items: Sequence[Exercise | ChecklistItem], fields: tuple[str, ...]
) -> dict[str, str]:
    """Every translated text of ``items``, keyed by item id and place ("monitor step 2")."""
    return {f"{item.id} {where}": text for item in items for where, text in texts(item, fields)}


def exercise_words(config_dir: Path) -> dict[str, str]:
    catalogue, message = load_catalogue(config_dir)
    assert message is None
    return words_by_place(list(catalogue.exercises.values()), EXERCISE_FIELDS)


def checklist_words() -> dict[str, str]:
    return words_by_place(list(load_checklist()), ITEM_FIELDS)


@pytest.mark.parametrize("language", SHIPPED)
def test_every_exercise_and_checklist_text_is_translated(language: str, tmp_path: Path) -> None:
    english = exercise_words(tmp_path) | checklist_words()
    with speaking(language):
        translated = exercise_words(tmp_path) | checklist_words()
    assert translated.keys() == english.keys()
    untranslated = [place for place, text in english.items() if translated[place] == text]
    assert untranslated == []
    assert len(english) > 150  # 34 exercises and 7 items, with their steps and cautions


def test_a_users_own_exercise_text_stays_as_written(tmp_path: Path) -> None:
    (tmp_path / "exercises.toml").write_text(
        'version = 1\n[[exercise]]\nid = "my-wiggle"\ncategory = "movement"\n'
        'title = "Toe wiggle"\ninstruction = "Wiggle your toes."\nduration_seconds = 20\n'
        'steps = ["Wiggle.", "Stand with your feet hip-width apart."]\n',
        "utf-8",
    )
    with speaking("de"):
        catalogue, message = load_catalogue(tmp_path)
    mine = catalogue.exercises["my-wiggle"]
    assert message is None
    assert (mine.title, mine.instruction) == ("Toe wiggle", "Wiggle your toes.")
    # a shipped sentence reused in a user's entry is translated like the shipped one
    assert mine.steps == ("Wiggle.", "Stell dich hüftbreit hin.")


def test_a_broken_user_file_is_reported_in_the_users_language(tmp_path: Path) -> None:
    (tmp_path / "exercises.toml").write_text("version = 1\n[[exercise]]\nid = 3\n", "utf-8")
    with speaking("es"):
        _, message = load_catalogue(tmp_path)
    assert message is not None
    assert message.endswith("Tus ejercicios quedan fuera hasta que se corrija.")
    assert "{" not in message


@pytest.mark.parametrize(
    ("language", "change_text", "summary"),
    [
        ("de", "Stuhl und Lendenstütze: Noch nicht → Ja (mit Kissen)", "1 von 1 passen"),
        ("es", "Silla y apoyo lumbar: Todavía no → Sí (mit Kissen)", "1 de 1 en orden"),
    ],
)
def test_checklist_answers_and_changes_read_in_the_users_language(
    language: str, change_text: str, summary: str
) -> None:
    with speaking(language):
        chair = next(item for item in load_checklist() if item.id == "chair")
        change = Change(chair, ItemAnswer(Answer.NOT_YET), ItemAnswer(Answer.YES, "mit Kissen"))
        answer = ItemAnswer(Answer.YES)
        check = WorkstationCheck(datetime(2037, 3, 2, tzinfo=UTC), {"chair": answer})
        assert change.text() == change_text
        assert summary_text([chair], check).startswith(summary)
        assert Change(chair, None, None).text().count(":") == 1


def test_catalogue_pot_is_a_valid_template_of_every_exercise_name(tmp_path: Path) -> None:
    pot = tmp_path / "catalogue.pot"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts/catalogue-pot"), "-o", str(pot)], check=True
    )
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(pot)], check=True)
    text = pot.read_text("utf-8")
    catalogue, _ = load_catalogue(tmp_path)
    for exercise in catalogue.exercises.values():
        assert f'msgid "{exercise.title}"' in text
    assert "#: resources/catalogue/exercises.toml\n" in text
    assert "#. exercise knee-to-chest, step 2\n" in text
    assert "#: resources/catalogue/workstation.toml\n" in text


def test_catalogue_pot_escapes_quotes_backslashes_and_newlines(tmp_path: Path) -> None:
    odd = 'Say "hi" to C:\\Temp\nthen\ttab.'
    folder = tmp_path / "resources" / "catalogue"
    folder.mkdir(parents=True)
    (folder / "exercises.toml").write_text(
        'version = 1\n[[exercise]]\nid = "odd"\ncategory = "movement"\ntitle = "Odd"\n'
        f"instruction = {json.dumps(odd)}\nduration_seconds = 20\n",
        "utf-8",
    )
    loader = importlib.machinery.SourceFileLoader(
        "catalogue_pot", str(ROOT / "scripts/catalogue-pot")
    )
    script = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
    loader.exec_module(script)
    po = tmp_path / "odd.po"
    header, entries = script.template(tmp_path).split('msgstr ""\n', 1)
    po.write_text(header + 'msgstr ""\n' + entries.replace('msgstr ""\n', 'msgstr "x"\n'), "utf-8")
    subprocess.run(["msgfmt", "--check", "-o", str(tmp_path / "odd.mo"), str(po)], check=True)
    with (tmp_path / "odd.mo").open("rb") as compiled:
        assert gettext.GNUTranslations(compiled).gettext(odd) == "x"
