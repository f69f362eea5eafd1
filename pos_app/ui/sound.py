"""The till's "paid" chime, played with Qt Multimedia when there is a way to play it.

A sound is a nicety: no audio device, no PulseAudio library, a missing file or a
Qt Multimedia that fails to load must never stop a sale. Each failure is logged
once and the chime is then silent.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QUrl

from pos_app.paths import resources_path

log = logging.getLogger(__name__)

PAID_WAV = ("sounds", "paid.wav")  # under resources/


class Chime(QObject):
    """One short sound effect, loaded on first use.

    Args:
        path: the WAV file (16-bit PCM plays everywhere Qt Multimedia does).
        volume: 0..1.
        parent: Qt parent.
    """

    def __init__(
        self, path: Path | None = None, volume: float = 0.8, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path or resources_path(*PAID_WAV)
        self.volume = volume
        self._effect = None
        self._broken = False
        self.requested = 0  # play() calls

    @property
    def available(self) -> bool:
        """False once loading failed (then :meth:`play` does nothing)."""
        return not self._broken

    def _load(self) -> object | None:
        if self._effect is not None or self._broken:
            return self._effect
        try:
            if not self.path.is_file():
                raise FileNotFoundError(str(self.path))
            from PySide6.QtMultimedia import QSoundEffect  # needs libpulse on Linux

            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(self.path)))
            effect.setVolume(self.volume)
            self._effect = effect
        except Exception as exc:  # ImportError, OSError, a Qt plugin that fails...
            self._broken = True
            log.warning("sound disabled: %s: %s", type(exc).__name__, exc)
        return self._effect

    def play(self) -> bool:
        """Play the sound if possible; returns False (and logs once) when it cannot."""
        self.requested += 1
        effect = self._load()
        if effect is None:
            return False
        try:
            effect.play()  # type: ignore[attr-defined]
        except Exception as exc:  # a device that vanished: keep selling
            self._broken = True
            log.warning("sound disabled while playing: %s: %s", type(exc).__name__, exc)
            return False
        return True
