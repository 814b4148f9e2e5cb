"""Asks the user to switch between sitting and standing, as their settings say:
a notification (answered from the tray) or a small window with "I'm standing now"."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from posturebreak.core.sit_stand import Posture, SitStandSettings, SwitchPrompt, switch_words
from posturebreak.i18n import N_, _
from posturebreak.services.notify import Notification
from posturebreak.services.sit_stand_service import SitStandService

if TYPE_CHECKING:  # the window and its SVG libraries load when first shown
    from posturebreak.ui.sit_stand_window import SwitchWindow

# The notification's body: a notification carries no buttons here.
# Translators: {message} is e.g. "Time to stand up for a while."; {answer} is the tray
# menu entry, e.g. "I'm standing now".
_ANSWER_FROM_TRAY = N_('{message} Choose "{answer}" in the tray menu once you have.')


class SwitchPrompter(QObject):
    """Turns the service's "time to switch" into a notification or a window."""

    def __init__(
        self,
        service: SitStandService,
        notify: Callable[[Notification], None],
        settings: Callable[[], SitStandSettings],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._notify = notify
        self._settings = settings
        self.window: SwitchWindow | None = None
        service.prompt.connect(self.ask)
        service.changed.connect(self._close_if_answered)

    def ask(self, posture: Posture) -> None:
        settings = self._settings()
        words = switch_words(posture, settings)
        if settings.style is SwitchPrompt.WINDOW:
            from posturebreak.ui.sit_stand_window import SwitchWindow

            self.close()
            self.window = SwitchWindow(posture, words)
            self.window.taken.connect(self._service.take)
            self.window.show()
            return
        body = _(_ANSWER_FROM_TRAY).format(message=words.message, answer=words.answer)
        self._notify(Notification(words.title, body))

    def close(self) -> None:
        """Takes the window away (the prompter owns it: it is deleted here, not on close)."""
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None

    def _close_if_answered(self) -> None:
        """A switch made from the tray answers the open window too."""
        window = self.window
        state = self._service.state
        if window is not None and (state is None or state.posture is window.posture):
            self.close()
