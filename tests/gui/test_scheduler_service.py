"""The APScheduler adapter: jobs on the Qt thread, one wake-up timer, pause and resume."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from posturebreak.core.clock import SystemClock
from posturebreak.core.reminders import ReminderId
from posturebreak.core.schedule import ReminderSchedule
from posturebreak.core.working_time import WorkingTime
from posturebreak.services.scheduler import QtThreadScheduler, ReminderScheduler

MS = timedelta(milliseconds=1)


class CountingScheduler(QtThreadScheduler):  # type: ignore[misc]
    """Counts how often the scheduler wakes up to look for due jobs."""

    wakeups = 0

    def _process_jobs(self) -> float | None:
        self.wakeups += 1
        return super()._process_jobs()  # type: ignore[no-any-return]


def test_jobs_run_on_the_qt_thread(qtbot: QtBot) -> None:
    scheduler = QtThreadScheduler()
    ran_on: list[threading.Thread] = []
    scheduler.start()
    scheduler.add_job(
        lambda: ran_on.append(threading.current_thread()),
        "date",
        run_date=datetime.now(UTC) + 20 * MS,
    )
    qtbot.waitUntil(lambda: bool(ran_on))
    scheduler.shutdown(wait=False)
    assert ran_on == [threading.main_thread()]


def test_rescheduling_keeps_a_single_wakeup_timer(qtbot: QtBot) -> None:
    scheduler = CountingScheduler()
    scheduler.start()
    runs: list[str] = []
    for attempt in range(5):  # the stock QtScheduler leaves a timer chain per add
        scheduler.add_job(
            runs.append,
            "date",
            args=["early"],
            id="early",
            replace_existing=True,
            run_date=datetime.now(UTC) + (50 + attempt) * MS,
        )
    qtbot.waitUntil(lambda: runs == ["early"])
    scheduler.add_job(runs.append, "date", args=["late"], run_date=datetime.now(UTC) + 300 * MS)
    before_late = scheduler.wakeups
    qtbot.waitUntil(lambda: runs == ["early", "late"])
    # One wake-up when the job was added, one when it was due: nothing else ticking.
    assert scheduler.wakeups - before_late <= 2
    scheduler.shutdown(wait=False)
    assert not scheduler._wakeup_timer.isActive()


BREAKS = {kind: timedelta(seconds=30) for kind in ("stretch", "uncross_legs", "foot_stool")}


def make_service(intervals_ms: dict[ReminderId, int]) -> ReminderScheduler:
    clock = SystemClock()
    schedule = ReminderSchedule({k: v * MS for k, v in intervals_ms.items()}, clock.now())
    # Reminders due within a second of each other come together (a minute, in real use).
    return ReminderScheduler(schedule, clock, lambda: BREAKS, together_within=1000 * MS)


def test_a_due_reminder_is_emitted_and_its_next_one_scheduled(qtbot: QtBot) -> None:
    service = make_service({"uncross_legs": 50, "stretch": 60_000})
    due_at = service.schedule.next_due("uncross_legs")
    service.start()
    with qtbot.waitSignal(service.reminders_due, timeout=5000) as fired:
        pass
    assert fired.args == [[("uncross_legs", due_at)]]
    jobs = service.job_run_times()
    assert set(jobs) == {"uncross_legs", "stretch"}
    assert jobs["uncross_legs"] > datetime.now(UTC)
    service.shutdown()


def test_pause_removes_reminder_jobs_and_its_end_resumes_them(qtbot: QtBot) -> None:
    service = make_service({"stretch": 60_000})
    service.start()
    service.pause(datetime.now(UTC) + 150 * MS)
    assert set(service.job_run_times()) == {"resume"}
    qtbot.waitUntil(lambda: not service.schedule.is_paused, timeout=5000)
    assert set(service.job_run_times()) == {"stretch"}
    service.shutdown()


def test_remind_now_emits_and_restarts_that_countdown(qtbot: QtBot) -> None:
    service = make_service({"stretch": 60_000})
    service.start()
    with qtbot.waitSignal(service.reminders_due) as fired:
        service.remind_now("stretch")
    assert [kind for kind, _ in fired.args[0]] == ["stretch"]
    due = service.schedule.next_due("stretch")
    assert due is not None and due > datetime.now(UTC) + timedelta(seconds=59)
    service.shutdown()


def test_outside_working_hours_a_due_job_is_held_back_until_the_next_shift(qtbot: QtBot) -> None:
    service = make_service({"uncross_legs": 50})
    now = datetime.now(UTC)
    # A one-minute shift starting an hour from now, every day: now is outside it.
    shift_start = (now + timedelta(hours=1)).time().replace(second=0, microsecond=0)
    shift_end = (now + timedelta(hours=1, minutes=1)).time().replace(second=0, microsecond=0)
    service.schedule.working_time = WorkingTime(shift_start, shift_end, frozenset(range(7)), UTC)
    service.start()
    fired: list[object] = []
    service.reminders_due.connect(fired.append)
    later = now + timedelta(minutes=30)
    # Between APScheduler dropping the run job and the re-add, the id is briefly absent.
    qtbot.waitUntil(lambda: service.job_run_times().get("uncross_legs", now) > later)
    assert fired == []
    assert service.job_run_times()["uncross_legs"] == (
        service.schedule.working_time.next_start(now) + 50 * MS
    )
    service.shutdown()


def test_rescheduling_moves_and_removes_jobs_at_once(qtbot: QtBot) -> None:
    service = make_service({"uncross_legs": 60_000, "stretch": 60_000})
    service.start()
    with qtbot.waitSignal(service.changed):
        service.reschedule({"stretch": 120_000 * MS}, None)
    assert set(service.job_run_times()) == {"stretch"}
    service.shutdown()


def test_snooze_brings_a_reminder_back_after_the_snooze_length(qtbot: QtBot) -> None:
    service = make_service({"stretch": 60_000})
    service.start()
    before = datetime.now(UTC)
    service.snooze("stretch", timedelta(minutes=5))
    run_at = service.job_run_times()["stretch"]
    assert before + timedelta(minutes=5) <= run_at <= datetime.now(UTC) + timedelta(minutes=5)
    service.shutdown()


def test_reminders_due_within_a_minute_of_each_other_come_together(qtbot: QtBot) -> None:
    service = make_service({"uncross_legs": 50, "foot_stool": 550})
    stool_due = service.schedule.next_due("foot_stool")
    service.start()
    with qtbot.waitSignal(service.reminders_due, timeout=5000) as fired:
        pass
    (together,) = fired.args
    assert [kind for kind, _ in together] == ["uncross_legs", "foot_stool"]
    assert together[1][1] == stool_due  # each keeps its own due time for the log
    stool_next = service.schedule.next_due("foot_stool")
    assert (
        stool_next is not None and stool_next > stool_due
    )  # given now, not again half a second later
    service.shutdown()
