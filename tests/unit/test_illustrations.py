"""The illustrations: every one the catalogue or a back-care window names is there, is a
small hand-drawn SVG in the house colours, and Qt draws it whole inside its frame."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from pytestqt.qtbot import QtBot

from posturebreak.resources import resources_dir

SVG = "{http://www.w3.org/2000/svg}"
FRAME = 120  # every drawing's viewBox is 0 0 120 120
# Figure, furniture, floor and what to notice: the same four read on light and dark windows.
HOUSE_COLOURS = {"#1f8a70", "#9aa0a6", "#c4c7c5", "#f2b134"}
DRAWN_BY_HAND = {"svg", "title", "g", "path", "circle", "rect"}  # no bitmaps, fonts, scripts
WORKSTATION_ITEMS = ("chair", "desk_height", "monitor", "reach", "feet", "foot_stool", "wrists")
ILLUSTRATED_KINDS = {"uncross_legs", "foot_stool"}
ILLUSTRATED_CATEGORIES = {"sitting", "posture", "foot_stool"}


def illustrations() -> list[Path]:
    return sorted((resources_dir() / "illustrations").glob("*.svg"))


def shipped_entries() -> list[dict[str, Any]]:
    text = (resources_dir() / "catalogue" / "exercises.toml").read_text(encoding="utf-8")
    entries: list[dict[str, Any]] = tomllib.loads(text)["exercise"]
    return entries


def test_every_illustration_the_catalogue_names_exists() -> None:
    named = [entry for entry in shipped_entries() if "illustration" in entry]
    assert len(named) >= 22
    for entry in named:
        assert (resources_dir() / entry["illustration"]).is_file(), entry["id"]


def test_every_sitting_posture_and_foot_stool_exercise_has_an_illustration() -> None:
    for entry in shipped_entries():
        kinds = set(entry["kinds"])
        if kinds & ILLUSTRATED_KINDS or entry["category"] in ILLUSTRATED_CATEGORIES:
            assert "illustration" in entry, entry["id"]


def test_every_workstation_check_item_and_sit_stand_posture_has_an_illustration() -> None:
    folder = resources_dir() / "illustrations"
    names = [f"workstation-{item.replace('_', '-')}.svg" for item in WORKSTATION_ITEMS]
    for name in (*names, "sit-stand-sit.svg", "sit-stand-stand.svg"):
        assert (folder / name).is_file(), name


@pytest.mark.parametrize("path", illustrations(), ids=lambda path: path.stem)
def test_each_illustration_is_a_small_hand_drawn_svg_in_the_house_colours(path: Path) -> None:
    assert path.stat().st_size < 2048
    root = ElementTree.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == f"0 0 {FRAME} {FRAME}"
    assert root.findtext(f"{SVG}title"), "a title says what it shows"
    for element in root.iter():
        assert element.tag.removeprefix(SVG) in DRAWN_BY_HAND, element.tag
        for colour in (element.get("fill"), element.get("stroke")):
            assert colour in {None, "none"} | HOUSE_COLOURS, colour


@pytest.mark.parametrize("path", illustrations(), ids=lambda path: path.stem)
def test_qt_draws_each_illustration_whole_inside_its_frame(qtbot: QtBot, path: Path) -> None:
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid()
    border = 20  # draw with room around the frame to see anything that sticks out of it
    renderer.setViewBox(QRectF(-border, -border, FRAME + 2 * border, FRAME + 2 * border))
    size = FRAME + 2 * border
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()

    alpha = bytes(image.constBits())[3::4]  # one byte per pixel, little-endian ARGB
    inside = range(border - 1, border + FRAME + 1)  # a pixel of anti-aliasing either side
    outside = [
        alpha[y * size + x]
        for y in range(size)
        for x in range(size)
        if y not in inside or x not in inside
    ]
    assert max(outside) == 0, "part of the drawing falls outside the window's picture"
    assert max(alpha) == 255, "nothing was drawn"
