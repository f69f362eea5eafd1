"""Write the till's sounds as small WAV files (stdlib only): ``python tools/make_sounds.py``.

``paid.wav``: a rising two-note chime (E6 then A6, about 0.4 s), 16-bit mono 44.1 kHz,
with short fades so it does not click. The output is deterministic, so re-running it
leaves the committed file unchanged.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 44_100
OUT_DIR = Path(__file__).resolve().parents[1] / "resources" / "sounds"


def tone(freq: float, seconds: float, volume: float = 0.45) -> list[float]:
    """A sine note with a 5 ms attack and an exponential decay (a bell, not a beep)."""
    count = int(RATE * seconds)
    attack = int(RATE * 0.005)
    out = []
    for i in range(count):
        t = i / RATE
        envelope = min(1.0, i / attack) * math.exp(-5.0 * t / seconds)
        # A quiet octave above gives the chime its brightness.
        sample = math.sin(2 * math.pi * freq * t) + 0.25 * math.sin(4 * math.pi * freq * t)
        out.append(volume * envelope * sample / 1.25)
    fade = int(RATE * 0.01)  # the last 10 ms go to zero: no click at the end
    for i in range(fade):
        out[-1 - i] *= i / fade
    return out


def chime() -> list[float]:
    """The "paid" chime: two notes, the second overlapping the first's tail."""
    first = tone(1318.51, 0.22)
    second = tone(1760.00, 0.30)
    offset = int(RATE * 0.11)
    samples = first + [0.0] * (offset + len(second) - len(first))
    for i, value in enumerate(second):
        samples[offset + i] += value
    return samples


def write_wav(path: Path, samples: list[float]) -> Path:
    """16-bit mono PCM at 44.1 kHz."""
    path.parent.mkdir(parents=True, exist_ok=True)
    frames = b"".join(struct.pack("<h", max(-32767, min(32767, round(s * 32767)))) for s in samples)
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(frames)
    return path


def main() -> int:
    path = write_wav(OUT_DIR / "paid.wav", chime())
    print(f"wrote {path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
