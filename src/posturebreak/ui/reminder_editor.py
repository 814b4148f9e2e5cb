"""A dialog that edits one reminder: what it says, when it comes, how it is shown.

It edits, it does not decide: the rules for a name and a schedule live in
``core.reminder_text``; the dialog keeps OK disabled and shows the rule's
reason while the draft breaks one, so it only ever hands back a valid
:class:`ReminderDefinition`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

from PySide6.QtCore import QDate, QObject, QSize, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from posturebreak.core.categories import Category
from posturebreak.core.reminder_text import (
    CATEGORY_LABELS,
    name_problem,
    no_exercise_reason,
    schedule_problem,
)
from posturebreak.core.reminders import (
    MAX_MESSAGE_LENGTH,
    MAX_NAME_LENGTH,
    MAX_TIMES_A_DAY,
    AtTimesOfDay,
    EveryActiveMinutes,
    EveryNDays,
    NotificationStyle,
    ReminderAction,
    ReminderDefinition,
    Schedule,
    display_name,
    reminder_message,
)
from posturebreak.core.settings import limits_of
from posturebreak.core.weekdays import Weekday
from posturebreak.i18n import N_, _, formats, ngettext, pgettext
from posturebreak.ui.form_fields import (
    day_name,
    from_qtime,
    short_day_name,
    spin_box,
    style_label,
    time_edit,
    to_qtime,
)
from posturebreak.ui.key_actions import ENTER_KEYS, KeyActions
from posturebreak.ui.screen_fit import fit_to_screen, scrolling

_SCHEDULE_KINDS: tuple[tuple[type[Schedule], str], ...] = (
    (EveryActiveMinutes, N_("Every few minutes at the computer")),
    (AtTimesOfDay, N_("At times of day")),
    (EveryNDays, N_("Every few days or weeks")),
)
_DAYS, _WEEKS = "days", "weeks"
_Button = QDialogButtonBox.StandardButton


def _add_row(form: QFormLayout, label: str, field: QWidget | QLayout, buddy: QWidget) -> None:
    """A labelled row whose mnemonic moves focus to ``buddy`` (the field or its first part)."""
    form.addRow(label, field)
    label_widget = form.labelForField(field)
    if isinstance(label_widget, QLabel):
        label_widget.setBuddy(buddy)


def _row_of(widgets: tuple[QWidget, ...], stretch: bool = True) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    if stretch:
        row.addStretch()
    return row


class _TimesOfDayFields(QObject):
    """Times of day (add and remove) and the weekdays they apply on."""

    changed = Signal()

    def __init__(self, first_day: Weekday) -> None:
        super().__init__()
        self._first_day = first_day
        self.new_time = time_edit(_("New time of day"))
        self.new_time.setTime(QTime(12, 0))
        self.add_time = QPushButton(_("Add &time"))
        self.add_time.setAccessibleName(_("Add time of day"))
        self.add_time.clicked.connect(self._add_time)
        self.times = QListWidget()
        self.times.setAccessibleName(_("Times of day"))
        self.times.setMaximumHeight(self.times.fontMetrics().height() * 5)
        self.remove_time = QPushButton(_("Remo&ve time"))
        self.remove_time.setAccessibleName(_("Remove the selected time of day"))
        self.remove_time.clicked.connect(self._remove_time)
        self.times.currentRowChanged.connect(self._update_buttons)
        KeyActions(self.new_time, dict.fromkeys(ENTER_KEYS, self._add_time))
        KeyActions(self.times, {Qt.Key.Key_Delete: self._remove_time})
        self.day_boxes = {day: QCheckBox(short_day_name(day)) for day in Weekday}
        for day, box in self.day_boxes.items():
            # Translators: a reminder comes on this weekday ("On Monday").
            box.setAccessibleName(_("On {day}").format(day=day_name(day)))
            box.toggled.connect(self.changed)

    def add_rows(self, form: QFormLayout) -> tuple[QLayout, ...]:
        """Adds this schedule's rows to ``form``; returns their fields."""
        adding = _row_of((self.new_time, self.add_time))
        listed = _row_of((self.times, self.remove_time), stretch=False)
        listed.setAlignment(self.remove_time, Qt.AlignmentFlag.AlignTop)
        days = _row_of(tuple(self.day_boxes[day] for day in Weekday.week_from(self._first_day)))
        _add_row(form, _("New t&ime:"), adding, self.new_time)
        _add_row(form, _("Time&s:"), listed, self.times)
        _add_row(form, _("On &days:"), days, self.day_boxes[self._first_day])
        return adding, listed, days

    def show_schedule(self, schedule: AtTimesOfDay) -> None:
        self.times.clear()
        for at in sorted(set(schedule.times)):
            self._insert(at)
        for day, box in self.day_boxes.items():
            box.setChecked(day in schedule.days)
        self._update_buttons()

    def schedule(self) -> AtTimesOfDay:
        return AtTimesOfDay(
            times=tuple(self._time_at(row) for row in range(self.times.count())),
            days=tuple(day for day in Weekday if self.day_boxes[day].isChecked()),
        )

    def _time_at(self, row: int) -> time:
        at = self.times.item(row).data(Qt.ItemDataRole.UserRole)
        assert isinstance(at, time)
        return at

    def _insert(self, at: time) -> int:
        """Puts ``at`` in clock order (once); returns its row."""
        row = 0
        while row < self.times.count() and self._time_at(row) < at:
            row += 1
        if row == self.times.count() or self._time_at(row) != at:
            item = QListWidgetItem(formats().clock(at))
            item.setData(Qt.ItemDataRole.UserRole, at)
            self.times.insertItem(row, item)
        return row

    def _add_time(self) -> None:
        self.times.setCurrentRow(self._insert(from_qtime(self.new_time.time())))
        self._update_buttons()
        self.changed.emit()

    def _remove_time(self) -> None:
        row = self.times.currentRow()
        if row >= 0:
            self.times.takeItem(row)
            self._update_buttons()
            self.changed.emit()

    def _update_buttons(self) -> None:
        full = self.times.count() >= MAX_TIMES_A_DAY
        self.add_time.setEnabled(not full)
        most = ngettext(
            "At most {count} time a day.", "At most {count} times a day.", MAX_TIMES_A_DAY
        ).format(count=MAX_TIMES_A_DAY)
        self.add_time.setToolTip(most if full else "")
        self.remove_time.setEnabled(self.times.currentRow() >= 0)


class _EveryNDaysFields(QObject):
    """A period in days or weeks, the date it counts from and the time of day."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.count = QSpinBox()
        self.count.setAccessibleName(_("Every how many"))
        self.unit = QComboBox()
        # Translators: "Every [3] [days]": the unit after the number in a repeating schedule.
        self.unit.addItem(pgettext("every n", "days"), _DAYS)
        self.unit.addItem(pgettext("every n", "weeks"), _WEEKS)
        self.unit.setAccessibleName(_("Days or weeks"))
        self.unit.currentIndexChanged.connect(self._follow_unit)
        self.start = QDateEdit()
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("d MMM yyyy")
        self.start.setAccessibleName(_("Starting on"))
        self.at = time_edit(_("At time of day"))
        self._follow_unit()
        for signal in (self.count.valueChanged, self.start.dateChanged, self.at.timeChanged):
            signal.connect(self.changed)

    def add_rows(self, form: QFormLayout) -> tuple[QWidget | QLayout, ...]:
        """Adds this schedule's rows to ``form``; returns their fields."""
        period = _row_of((self.count, self.unit))
        _add_row(form, _("E&very:"), period, self.count)
        _add_row(form, _("&Starting on:"), self.start, self.start)
        # Translators: the time of day a reminder every few days comes at.
        _add_row(form, _("A&t:"), self.at, self.at)
        return period, self.start, self.at

    def _follow_unit(self) -> None:
        low, high = limits_of(EveryNDays, "days")
        if self.unit.currentData() == _WEEKS:
            low, high = max(1, low // 7), high // 7
        self.count.setRange(low, high)

    def show_schedule(self, schedule: EveryNDays) -> None:
        in_weeks = schedule.days % 7 == 0
        self.unit.setCurrentIndex(self.unit.findData(_WEEKS if in_weeks else _DAYS))
        self.count.setValue(schedule.days // 7 if in_weeks else schedule.days)
        self.start.setDate(QDate(schedule.start.year, schedule.start.month, schedule.start.day))
        self.at.setTime(to_qtime(schedule.at))

    def schedule(self) -> EveryNDays:
        weeks = self.unit.currentData() == _WEEKS
        start = self.start.date()
        return EveryNDays(
            days=self.count.value() * (7 if weeks else 1),
            start=date(start.year(), start.month(), start.day()),
            at=from_qtime(self.at.time()),
        )


class ReminderEditor(QDialog):
    """Edits ``reminder``, or a new one when it is None; :meth:`definition` is the result.

    ``new_id`` makes the id of a new reminder from its name (the list knows which
    ids are taken); an edited reminder keeps its id and action.
    """

    def __init__(
        self,
        reminder: ReminderDefinition | None,
        new_id: Callable[[str], str],
        first_day: Weekday = Weekday.MON,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New reminder") if reminder is None else _("Edit reminder"))
        self._original = reminder
        self._new_id = new_id

        self.name = QLineEdit()
        self.name.setMaxLength(MAX_NAME_LENGTH)
        self.name.setAccessibleName(_("Name"))
        self.name.setPlaceholderText(_("e.g. Morning stretch"))
        self.message = QLineEdit()
        self.message.setMaxLength(MAX_MESSAGE_LENGTH)
        self.message.setAccessibleName(_("Message"))
        self.message.setPlaceholderText(_("One line the reminder says"))
        self._build_schedule(first_day)
        self._build_presentation()
        page = self._build_form()

        self.problem = QLabel()
        self.problem.setWordWrap(True)
        dark = self.palette().window().color().lightness() < 128
        self.problem.setStyleSheet(f"QLabel {{ color: {'#ff8a80' if dark else '#b3261e'}; }}")
        self.buttons = QDialogButtonBox(_Button.Ok | _Button.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        area = scrolling(page)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field
        layout.addWidget(area)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self._show(reminder)
        self.name.textChanged.connect(self._validate)
        for signal in (
            self.minutes.valueChanged,
            self.times_fields.changed,
            self.days_fields.changed,
            self.schedule_kind.currentIndexChanged,
        ):
            signal.connect(self._validate)
        self._validate()
        self._page = page
        self._fit()
        self.schedule_kind.currentIndexChanged.connect(self._follow_schedule_kind)

    def _build_schedule(self, first_day: Weekday) -> None:
        self.schedule_kind = QComboBox()
        self.schedule_kind.setAccessibleName(_("When"))
        for _kind, label in _SCHEDULE_KINDS:
            self.schedule_kind.addItem(_(label))
        self.minutes = spin_box(
            EveryActiveMinutes,
            "minutes",
            # Translators: after a number of minutes: "Every 45 min at the computer".
            _(" min at the computer"),
            _("Every how many minutes"),
        )
        self.times_fields = _TimesOfDayFields(first_day)
        self.days_fields = _EveryNDaysFields()

    def _build_presentation(self) -> None:
        self.category_boxes = {
            category: QCheckBox(_(CATEGORY_LABELS[category])) for category in Category
        }
        for category, box in self.category_boxes.items():
            box.setAccessibleName(
                _("Exercises from {category}").format(category=_(CATEGORY_LABELS[category]))
            )
        self.show_as = QComboBox()
        for style in NotificationStyle:
            self.show_as.addItem(style_label(style), style.value)
        self.show_as.setAccessibleName(_("Show as"))
        self.show_as.currentIndexChanged.connect(self._follow_style)
        self.break_length = spin_box(
            ReminderDefinition,
            "break_seconds",
            # Translators: a unit after a number of seconds in a number field ("30 s").
            _(" s"),
            _("Break length"),
        )
        self.snooze = spin_box(ReminderDefinition, "snooze_minutes", _(" min"), _("Snooze for"))
        # Translators: the check box that turns this reminder on.
        self.enabled = QCheckBox(pgettext("reminder", "&On"))
        self.enabled.setAccessibleName(_("Reminder on"))

    def _build_form(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self._form = form
        form.addRow(_("&Name:"), self.name)
        form.addRow(_("&Message:"), self.message)
        form.addRow(_("&When:"), self.schedule_kind)
        form.addRow(_("Ever&y:"), self.minutes)
        # One group of rows per kind of schedule, in the order of _SCHEDULE_KINDS.
        self._schedule_rows: tuple[tuple[QWidget | QLayout, ...], ...] = (
            (self.minutes,),
            self.times_fields.add_rows(form),
            self.days_fields.add_rows(form),
        )
        categories = QGridLayout()
        for index, box in enumerate(self.category_boxes.values()):
            categories.addWidget(box, index // 2, index % 2)
        _add_row(form, _("E&xercises from:"), categories, self.category_boxes[Category.STRETCH])
        categories_label = form.labelForField(categories)
        if categories_label is not None:
            categories_label.setToolTip(_("None chosen: a plain reminder without an exercise."))
        form.addRow(_("Show &as:"), self.show_as)
        form.addRow(_("&Break length:"), self.break_length)
        form.addRow(_("Snoo&ze for:"), self.snooze)
        form.addRow(self.enabled)
        return page

    def _show(self, reminder: ReminderDefinition | None) -> None:
        shown = reminder or ReminderDefinition("new", "New", "", schedule=AtTimesOfDay())
        self.name.setText("" if reminder is None else display_name(shown))
        self.message.setText(reminder_message(shown))
        schedule = shown.schedule
        self.schedule_kind.setCurrentIndex(
            next(i for i, (kind, _) in enumerate(_SCHEDULE_KINDS) if isinstance(schedule, kind))
        )
        self.minutes.setValue(
            schedule.minutes
            if isinstance(schedule, EveryActiveMinutes)
            else EveryActiveMinutes().minutes
        )
        self.times_fields.show_schedule(
            schedule if isinstance(schedule, AtTimesOfDay) else AtTimesOfDay()
        )
        self.days_fields.show_schedule(
            schedule if isinstance(schedule, EveryNDays) else EveryNDays()
        )
        no_exercise = no_exercise_reason(shown.action)
        for category, box in self.category_boxes.items():
            box.setChecked(category in shown.categories)
            box.setEnabled(no_exercise is None)
            box.setToolTip(no_exercise or "")
        self.show_as.setCurrentIndex(self.show_as.findData(shown.style.value))
        self.break_length.setValue(shown.break_seconds)
        self.snooze.setValue(shown.snooze_minutes)
        self.enabled.setChecked(shown.enabled)
        self._show_schedule_rows()
        self._follow_style()

    def schedule(self) -> Schedule:
        """The schedule the fields of the chosen kind show."""
        kind = _SCHEDULE_KINDS[self.schedule_kind.currentIndex()][0]
        if kind is AtTimesOfDay:
            return self.times_fields.schedule()
        if kind is EveryNDays:
            return self.days_fields.schedule()
        return EveryActiveMinutes(self.minutes.value())

    def problem_text(self) -> str | None:
        """Why OK is unavailable, or None when the draft is a valid reminder."""
        return name_problem(self.name.text()) or schedule_problem(self.schedule())

    def definition(self) -> ReminderDefinition:
        """The edited reminder; only call it while :meth:`problem_text` is None."""
        name = self.name.text().strip()
        original = self._original
        if original is not None and name == display_name(original):
            name = original.name  # a shipped name stays English in the file
        message = self.message.text().strip()
        if original is not None and message == reminder_message(original):
            message = original.message  # and so does a shipped message
        return ReminderDefinition(
            id=self._new_id(name) if original is None else original.id,
            name=name,
            message=message,
            schedule=self.schedule(),
            categories=tuple(c for c, box in self.category_boxes.items() if box.isChecked()),
            style=NotificationStyle(self.show_as.currentData()),
            break_seconds=self.break_length.value(),
            snooze_minutes=self.snooze.value(),
            enabled=self.enabled.isChecked(),
            action=ReminderAction.BREAK if original is None else original.action,
        )

    def _follow_schedule_kind(self) -> None:
        self._show_schedule_rows()
        self._fit()

    def _show_schedule_rows(self) -> None:
        chosen = self.schedule_kind.currentIndex()
        for index, rows in enumerate(self._schedule_rows):
            for field_ in rows:
                self._form.setRowVisible(field_, index == chosen)

    def _fit(self) -> None:
        """Grows the window to show the chosen schedule's rows whole, within the screen."""
        self._page.adjustSize()
        whole = QSize(
            self._page.sizeHint().width() + 40,
            self._page.sizeHint().height() + 2 * self.buttons.sizeHint().height() + 60,
        )
        shown = self.size() if self.isVisible() else self.sizeHint()
        fit_to_screen(self, shown.expandedTo(self.sizeHint()).expandedTo(whole))

    def _follow_style(self) -> None:
        """A notification alone has no countdown and nothing to snooze: those fields wait."""
        window = NotificationStyle(self.show_as.currentData()).shows_popup
        why = "" if window else _("Only a break window has a countdown and a Snooze button.")
        for field_ in (self.break_length, self.snooze):
            field_.setEnabled(window)
            field_.setToolTip(why)

    def _validate(self) -> None:
        problem = self.problem_text()
        ok = self.buttons.button(_Button.Ok)
        ok.setEnabled(problem is None)
        ok.setToolTip(problem or "")
        ok.setAccessibleDescription(problem or "")
        self.problem.setText(problem or "")
        self.problem.setVisible(problem is not None)
