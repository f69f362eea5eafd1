"""Schedule maths: local times across time zones and DST changes, weekdays, the text form."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest

from pos_app.core.config import OPTIONS, check_folder_path
from pos_app.core.errors import ConfigError
from pos_app.core.schedule import EVERY_DAY, Schedule, check_schedule, parse_schedule

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
UTC = ZoneInfo("UTC")


def ts(tz, *args):
    return int(datetime(*args, tzinfo=tz).timestamp())


def local(tz, stamp):
    return datetime.fromtimestamp(stamp, tz).strftime("%a %Y-%m-%d %H:%M %z")


@pytest.mark.parametrize(
    ("text", "normal", "days"),
    [
        ("18:30", "18:30", EVERY_DAY),
        (" 9:05 ", "09:05", EVERY_DAY),
        ("00:00 mon-fri", "00:00 mon-fri", {0, 1, 2, 3, 4}),
        ("23:59 sat,sun", "23:59 sat,sun", {5, 6}),
        ("07:00 Friday, monday", "07:00 mon,fri", {0, 4}),
        ("07:00 fri-mon", "07:00 mon,fri-sun", {0, 4, 5, 6}),
        ("07:00 mon,tue,wed,fri", "07:00 mon-wed,fri", {0, 1, 2, 4}),
        ("07:00 mon-sun", "07:00", EVERY_DAY),
        ("07:00 tue-thu", "07:00 tue-thu", {1, 2, 3}),
        ("07:00 wed-wed", "07:00 wed", {2}),
        ("07:00 ,sat", "07:00 sat", {5}),
        ("", "", None),
    ],
)
def test_a_schedule_reads_its_forms_and_writes_one(text, normal, days):
    assert check_schedule(text) == normal
    parsed = parse_schedule(text)
    assert (parsed.days if parsed else None) == (frozenset(days) if days else None)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("24:00", "must be a time of day such as 18:30"),
        ("18.30", "must be a time of day such as 18:30"),
        ("18:60", "must be a time of day such as 18:30"),
        ("6pm", "must be a time of day such as 18:30"),
        ("18:30 weekdays", "'weekdays' is not a weekday; use mon, tue"),
        ("18:30 mo", "'mo' is not a weekday"),
        ("18:30 mon-wed-fri", "'wed-fri' is not a weekday"),
        ("18:30 ,", "^name at least one weekday, such as mon-fri$"),
    ],
)
def test_a_bad_schedule_is_refused_with_a_reason_the_owner_can_act_on(text, reason):
    with pytest.raises(ValueError, match=reason):
        parse_schedule(text)
    with pytest.raises(ConfigError) as err:
        OPTIONS["exports.schedule"].parse(text)
    assert err.value.user_message.startswith("Scheduled export: ")
    assert err.value.data["key"] == "exports.schedule"


def test_a_refusal_says_the_whole_sentence():
    with pytest.raises(ValueError) as err:
        parse_schedule("6pm")
    assert str(err.value) == (
        "must be a time of day such as 18:30, optionally with weekdays such as 18:30 mon-fri; "
        "empty turns it off"
    )


def test_the_shops_day_decides_whatever_the_computers_zone():
    # Pago Pago is UTC-11 and Kiritimati UTC+14: the computer's date differs from the
    # shop's at these times in (nearly) any zone the computer may have.
    pago, kiritimati = ZoneInfo("Pacific/Pago_Pago"), ZoneInfo("Pacific/Kiritimati")
    late = parse_schedule("23:00")
    evening = ts(pago, 2026, 6, 10, 22, 0)
    assert local(pago, late.next(pago, evening)) == "Wed 2026-06-10 23:00 -1100"
    early = parse_schedule("00:30")
    night = ts(kiritimati, 2026, 6, 11, 1, 0)
    assert local(kiritimati, early.previous(kiritimati, night)) == "Thu 2026-06-11 00:30 +1400"


def test_the_folder_must_be_a_full_path():
    assert check_folder_path(" /media/shop/USB ") == "/media/shop/USB"
    assert check_folder_path("E:\\exports") == "E:\\exports"
    assert check_folder_path("") == ""
    with pytest.raises(ValueError, match="full folder path"):
        check_folder_path("USB/exports")


def test_previous_and_next_in_the_shops_zone_not_utc():
    daily = parse_schedule("18:30")
    now = ts(NEW_YORK, 2026, 6, 10, 20, 0)  # 00:00 UTC on the 11th
    assert local(NEW_YORK, daily.previous(NEW_YORK, now)) == "Wed 2026-06-10 18:30 -0400"
    assert local(NEW_YORK, daily.next(NEW_YORK, now)) == "Thu 2026-06-11 18:30 -0400"
    assert local(UTC, daily.previous(UTC, now)) == "Wed 2026-06-10 18:30 +0000"
    assert local(UTC, daily.next(UTC, now)) == "Thu 2026-06-11 18:30 +0000"


def test_a_slot_at_its_own_second_is_the_previous_one_not_the_next():
    daily = parse_schedule("18:30")
    slot = ts(BERLIN, 2026, 6, 10, 18, 30)
    assert daily.previous(BERLIN, slot) == slot
    assert daily.previous(BERLIN, slot - 1) == slot - 86400
    assert daily.next(BERLIN, slot - 1) == slot
    assert daily.next(BERLIN, slot) == slot + 86400


def test_the_local_time_holds_across_dst_changes_with_days_of_23_and_25_hours():
    daily = parse_schedule("18:30")
    # Europe/Berlin: clocks forward on 2026-03-29, back on 2026-10-25.
    before = daily.next(BERLIN, ts(BERLIN, 2026, 3, 28, 19, 0))
    assert local(BERLIN, before) == "Sun 2026-03-29 18:30 +0200"
    assert before - daily.previous(BERLIN, before - 1) == 23 * 3600
    after = daily.next(BERLIN, ts(BERLIN, 2026, 10, 24, 19, 0))
    assert local(BERLIN, after) == "Sun 2026-10-25 18:30 +0100"
    assert after - daily.previous(BERLIN, after - 1) == 25 * 3600


def test_a_time_the_clock_skips_runs_after_the_gap_and_a_repeated_one_runs_once():
    night = parse_schedule("02:30")
    spring = night.next(BERLIN, ts(BERLIN, 2026, 3, 29, 0, 0))
    assert local(BERLIN, spring) == "Sun 2026-03-29 03:30 +0200"
    assert night.next(BERLIN, spring) == ts(BERLIN, 2026, 3, 30, 2, 30)
    autumn = night.next(BERLIN, ts(BERLIN, 2026, 10, 25, 0, 0))
    assert local(BERLIN, autumn) == "Sun 2026-10-25 02:30 +0200"  # the first 02:30
    # The second 02:30 (+01:00) an hour later is not another run.
    assert night.next(BERLIN, autumn) == ts(BERLIN, 2026, 10, 26, 2, 30)
    assert night.previous(BERLIN, autumn + 3600) == autumn


def test_weekdays_skip_to_the_next_named_day():
    weekdays = parse_schedule("18:00 mon-fri")
    friday_night = ts(BERLIN, 2026, 6, 12, 19, 0)
    assert local(BERLIN, weekdays.next(BERLIN, friday_night)) == "Mon 2026-06-15 18:00 +0200"
    monday_noon = ts(BERLIN, 2026, 6, 15, 12, 0)
    assert local(BERLIN, weekdays.previous(BERLIN, monday_noon)) == "Fri 2026-06-12 18:00 +0200"
    once = Schedule(time(9, 0), frozenset({2}))
    wednesday_9 = ts(BERLIN, 2026, 6, 10, 9, 0)
    assert once.next(BERLIN, wednesday_9) == ts(BERLIN, 2026, 6, 17, 9, 0)
    assert once.previous(BERLIN, wednesday_9 - 1) == ts(BERLIN, 2026, 6, 3, 9, 0)
    assert once.slot_on(datetime(2026, 6, 11).date(), BERLIN) is None
