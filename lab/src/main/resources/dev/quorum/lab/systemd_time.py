"""systemd's time syntax (systemd.time(7)) for the lab's systemctl stand-in: time spans, calendar
events and the timestamp/time span formats `systemctl show` prints. Pure functions, no state.

Calendar events: the shorthands (minutely, hourly, daily, weekly, monthly, quarterly,
semiannually, yearly/annually) and the normalized form `[DOW] [[YYYY-]MM-DD] [HH:MM[:SS]] [UTC]`
whose fields take `*`, numbers, lists `a,b`, ranges `a..b`, repeats `a/n` and `*/n`, and weekday
names/ranges (`Mon..Fri`). Not supported (ValueError): `~` (last days of month), fractional seconds,
time zones other than UTC.
"""
import calendar
import datetime
import re
import time

SPAN_UNITS = {
    "us": 1e-6, "usec": 1e-6, "\u00b5s": 1e-6, "\u03bcs": 1e-6,
    "ms": 1e-3, "msec": 1e-3,
    "": 1, "s": 1, "sec": 1, "second": 1, "seconds": 1,
    "m": 60, "min": 60, "minute": 60, "minutes": 60,
    "h": 3600, "hr": 3600, "hour": 3600, "hours": 3600,
    "d": 86400, "day": 86400, "days": 86400,
    "w": 604800, "week": 604800, "weeks": 604800,
    "M": 2629800, "month": 2629800, "months": 2629800,
    "y": 31557600, "year": 31557600, "years": 31557600,
}
INFINITY = float("inf")

SHORTHANDS = {
    "minutely": "*-*-* *:*:00", "hourly": "*-*-* *:00:00", "daily": "*-*-* 00:00:00",
    "monthly": "*-*-01 00:00:00", "weekly": "Mon *-*-* 00:00:00", "yearly": "*-01-01 00:00:00",
    "annually": "*-01-01 00:00:00", "quarterly": "*-01,04,07,10-01 00:00:00",
    "semiannually": "*-01,07-01 00:00:00",
}
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def parse_timespan(text):
    """Seconds in a systemd time span ('5s', '2min', '1h 30min', '1d', '90' = seconds);
    ValueError on anything else."""
    text = (text or "").strip()
    if text == "infinity":
        return INFINITY
    if not text:
        raise ValueError("empty time span")
    total, pos = 0.0, 0
    for m in re.finditer(r"\s*(\d+(?:\.\d*)?|\.\d+)\s*([A-Za-z\u00b5\u03bc]*)\s*", text):
        if m.start() != pos or m.group(2) not in SPAN_UNITS:
            raise ValueError("invalid time span: %r" % text)
        total += float(m.group(1)) * SPAN_UNITS[m.group(2)]
        pos = m.end()
    if pos != len(text):
        raise ValueError("invalid time span: %r" % text)
    return total


def _field(text, low, high, names=None):
    """One calendar field as a sorted list of allowed values, or None for '*' (all)."""
    if text == "*":
        return None
    values = set()
    for item in text.split(","):
        m = re.fullmatch(r"(\*|[A-Za-z]+|\d+)(?:\.\.([A-Za-z]+|\d+))?(?:/(\d+))?", item)
        if not m:
            raise ValueError("invalid calendar field: %r" % text)
        start = low if m.group(1) == "*" else _value(m.group(1), names)
        end = _value(m.group(2), names) if m.group(2) else (high if m.group(3) or m.group(1) == "*" else start)
        step = int(m.group(3)) if m.group(3) else 1
        if step < 1 or not low <= start <= high or not low <= end <= high:
            raise ValueError("calendar value out of range: %r" % item)
        values.update(range(start, end + 1, step))
    return sorted(values)


def _value(text, names):
    if text.isdigit():
        return int(text)
    if names and text[:3].lower() in names:
        return names.index(text[:3].lower())
    raise ValueError("invalid calendar value: %r" % text)


def parse_calendar(spec):
    """A calendar event as a dict of allowed values per field (None = any)."""
    text = SHORTHANDS.get(spec.strip().lower(), spec.strip())
    tokens = text.split()
    utc = bool(tokens) and tokens[-1] == "UTC"
    if utc:
        tokens.pop()
    if not tokens:
        raise ValueError("empty calendar event")
    weekdays = None
    if re.fullmatch(r"[A-Za-z][A-Za-z.,]*", tokens[0]):
        weekdays = _field(tokens.pop(0), 0, 6, WEEKDAYS)
    date, clock = "*-*-*", "00:00:00"
    for token in tokens:
        if ":" in token:
            clock = token
        elif "-" in token:
            date = token
        else:
            raise ValueError("invalid calendar event: %r" % spec)
    if len(tokens) > 2 or len(set(":" in t for t in tokens)) < len(tokens):
        raise ValueError("invalid calendar event: %r" % spec)
    date_parts = date.split("-")
    if len(date_parts) == 2:
        date_parts.insert(0, "*")
    clock_parts = clock.split(":")
    if len(clock_parts) == 2:
        clock_parts.append("00")
    if len(date_parts) != 3 or len(clock_parts) != 3:
        raise ValueError("invalid calendar event: %r" % spec)
    return {
        "utc": utc, "weekday": weekdays,
        "year": _field(date_parts[0], 1970, 2199), "month": _field(date_parts[1], 1, 12),
        "day": _field(date_parts[2], 1, 31), "hour": _field(clock_parts[0], 0, 23),
        "minute": _field(clock_parts[1], 0, 59), "second": _field(clock_parts[2], 0, 59),
    }


def _allows(cal, key, value):
    return cal[key] is None or value in cal[key]


def next_calendar(cal, after):
    """The first time (epoch seconds) strictly after `after` the event matches; None if none in
    the next 10 years."""
    tz = datetime.timezone.utc if cal["utc"] else None
    start = datetime.datetime.fromtimestamp(int(after), tz)
    day = start.date()
    for _ in range(3660):
        if _allows(cal, "year", day.year) and _allows(cal, "month", day.month) \
                and _allows(cal, "day", day.day) and _allows(cal, "weekday", day.weekday()):
            for h in cal["hour"] or range(24):
                if day == start.date() and h < start.hour:
                    continue
                for mi in cal["minute"] or range(60):
                    for s in cal["second"] or range(60):
                        when = _epoch(day, h, mi, s, cal["utc"])
                        if when > after:
                            return when
        day += datetime.timedelta(days=1)
    return None


def _epoch(day, hour, minute, second, utc):
    fields = (day.year, day.month, day.day, hour, minute, second, 0, 0, -1)
    return calendar.timegm(fields) if utc else time.mktime(fields)


def format_timestamp(epoch):
    """systemd's timestamp format ('Thu 2026-12-03 23:10:00 UTC'); '' for none, as systemctl
    show prints an unset timestamp."""
    if not epoch:
        return ""
    return time.strftime("%a %Y-%m-%d %H:%M:%S %Z", time.localtime(epoch))


def format_timespan(seconds):
    """systemd's time span format ('1d 2h 3min 4.5s'); 'infinity' for None."""
    if seconds is None or seconds == INFINITY:
        return "infinity"
    if seconds <= 0:
        return "0"
    parts, rest = [], seconds
    for name, size in (("y", 31557600), ("month", 2629800), ("w", 604800), ("d", 86400),
                       ("h", 3600), ("min", 60)):
        if rest >= size:
            parts.append("%d%s" % (rest // size, name))
            rest %= size
    if rest >= 1e-6:
        parts.append(("%.6f" % rest).rstrip("0").rstrip(".") + "s")
    return " ".join(parts)
