"""Italian national public holidays, and the bounds of a local day in UTC.

The dates come from the ``holidays`` library, restricted to the national days
off: the eleven of the terms, and 4 October from 2026 (the library also lists
Easter Sunday, the national unity day and other celebrations that are not
days off). A local patron day may be added. No ORM in here.
"""

import contextlib
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import holidays
from dateutil.easter import easter

# The national days off, fixed ones as (month, day); the name is used when the
# library gives several names for the day (e.g. 1 November 2026 is also the
# national unity day).
FIXED_DAYS = {
    (1, 1): "Capodanno",
    (1, 6): "Epifania",
    (4, 25): "Festa della Liberazione",
    (5, 1): "Festa del Lavoro",
    (6, 2): "Festa della Repubblica",
    (8, 15): "Ferragosto",
    # a national holiday again from 2026 (law 151/2025): the library lists it
    # from that year on only
    (10, 4): "San Francesco d'Assisi",
    (11, 1): "Ognissanti",
    (12, 8): "Immacolata Concezione",
    (12, 25): "Natale",
    (12, 26): "Santo Stefano",
}
EASTER_MONDAY = "Lunedì dell'Angelo"


def italian_holidays(years, patron_day=None):
    """Sorted ``[(date, name)]`` of the Italian national days off of ``years``,
    and of ``patron_day`` ``(month, day, name)`` unless a national holiday
    falls then (or it is 29 February of a common year)."""
    years = sorted(set(years))
    library = holidays.country_holidays("IT", years=years, language="it_IT")
    result = {}
    for day in sorted(library):
        if (day.month, day.day) in FIXED_DAYS:
            fallback = FIXED_DAYS[(day.month, day.day)]
        elif day == easter(day.year) + timedelta(days=1):
            fallback = EASTER_MONDAY
        else:
            continue
        names = library.get_list(day)
        result[day] = names[0] if len(names) == 1 else fallback
    if patron_day:
        month, day_of_month, name = patron_day
        for year in years:
            # no 29 February in a common year
            with contextlib.suppress(ValueError):
                result.setdefault(date(year, month, day_of_month), name)
    return sorted(result.items())


def local_day_bounds_utc(day, tz_name):
    """``(start, end)`` of ``day`` from 00:00:00 to 23:59:59 local time, as
    naive UTC datetimes (as Odoo stores them)."""
    zone = ZoneInfo(tz_name or "UTC")
    return tuple(
        datetime.combine(day, moment, tzinfo=zone)
        .astimezone(timezone.utc)
        .replace(tzinfo=None)
        for moment in (time.min, time(23, 59, 59))
    )
