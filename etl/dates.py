"""Event dates: a date expression in the sentence resolved against the
article's date ("last month", "next week", "on Thursday", "April 10")."""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "a": 1, "an": 1, "several": 3, "few": 3}


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, monthrange(year, month)[1]))


def _month(word: str) -> int | None:
    w = word.lower().rstrip(".")[:3]
    return MONTHS.index(w) + 1 if w in MONTHS else None


def resolve(expression: str, anchor: date | None, future: bool = False) -> date | None:
    """The calendar date an expression points at, or None when it cannot be
    placed (no anchor for a relative expression, or not a date)."""
    text = expression.lower().strip()
    text = re.sub(r"^(on|in|at|by|since|during|from|the)\s+", "", text)
    # absolute: 2024-04-10
    m = re.search(r"\b(19|20)(\d\d)-(\d\d)-(\d\d)\b", text)
    if m:
        try:
            return date(int(m.group(1) + m.group(2)), int(m.group(3)), int(m.group(4)))
        except ValueError:
            return None
    # "April 10(, 2024)" / "10 April (2024)"
    m = re.search(r"\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+((?:19|20)\d\d))?\b", text) or \
        re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\.?(?:,?\s+((?:19|20)\d\d))?\b", text)
    if m:
        a, b, year = m.groups()
        month, day = (_month(a), b) if _month(a) else (_month(b), a)
        if month:
            y = int(year) if year else (anchor.year if anchor else None)
            if y is None:
                return None
            try:
                d = date(y, month, int(day))
            except ValueError:
                return None
            if not year and anchor:  # the nearest such date to the article
                if (d - anchor).days > 183:
                    d = date(y - 1, month, min(int(day), monthrange(y - 1, month)[1]))
                elif (anchor - d).days > 183:
                    d = date(y + 1, month, min(int(day), monthrange(y + 1, month)[1]))
            return d
    # "April 2024", "in 2015"
    m = re.search(r"\b([a-z]{3,9})\.?\s+((?:19|20)\d\d)\b", text)
    if m and _month(m.group(1)):
        return date(int(m.group(2)), _month(m.group(1)), 1)
    m = re.fullmatch(r"(?:early |mid-?|late )?((?:19|20)\d\d)", text)
    if m:
        return date(int(m.group(1)), 1, 1)
    if anchor is None:
        return None
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening|week|month|year)|earlier this|later this|now)\b", text):
        return anchor
    if "yesterday" in text:
        return anchor - timedelta(days=1)
    if "tomorrow" in text:
        return anchor + timedelta(days=1)
    for n, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", text):
            if "next" in text or future:
                delta = (n - anchor.weekday()) % 7 or 7
                return anchor + timedelta(days=delta)
            delta = (anchor.weekday() - n) % 7
            return anchor - timedelta(days=delta)
    m = re.search(r"\b(last|past|previous|next|coming)\s+(week|month|year)\b", text)
    if m:
        sign = 1 if m.group(1) in ("next", "coming") else -1
        unit = m.group(2)
        if unit == "week":
            return anchor + timedelta(days=7 * sign)
        if unit == "month":
            return _add_months(anchor, sign)
        return _add_months(anchor, 12 * sign)
    m = re.search(r"\b(\d+|[a-z]+)\s+(days?|weeks?|months?|years?)\s+(ago|earlier|before|later|from now)\b", text)
    if m and (m.group(1).isdigit() or m.group(1) in NUMBERS):
        n = int(m.group(1)) if m.group(1).isdigit() else NUMBERS[m.group(1)]
        sign = -1 if m.group(3) in ("ago", "earlier", "before") else 1
        unit = m.group(2).rstrip("s")
        if unit in ("day", "week"):
            return anchor + timedelta(days=sign * n * UNITS[unit])
        return _add_months(anchor, sign * n * (12 if unit == "year" else 1))
    m = re.search(r"\bin\s+(\d+|[a-z]+)\s+(days?|weeks?)\b", expression.lower())
    if m and (m.group(1).isdigit() or m.group(1) in NUMBERS):
        n = int(m.group(1)) if m.group(1).isdigit() else NUMBERS[m.group(1)]
        return anchor + timedelta(days=n * UNITS[m.group(2)])
    return None
