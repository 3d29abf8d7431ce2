"""How long something bought for a number of days lasts: "N giorni dalla
data di acquisto" counts the same for a support plan and prepaid credits."""

from datetime import timedelta


def days_period_end(start, days):
    """Last day of something that lasts ``days`` days from ``start`` included.

    "365 giorni dalla data di acquisto": bought on 15 March 2023, the last
    day is 13 March 2024 (29 February counts as a day like any other).
    """
    if days <= 0:
        raise ValueError("days must be positive")
    return start + timedelta(days=days - 1)
