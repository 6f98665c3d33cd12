# English interface formats (British usage: day before month, 24-hour clock).
# Only the display formats; input formats and separators stay Django's for the language.
DATE_FORMAT = "j F Y"  # 21 December 2026
DATETIME_FORMAT = "j F Y, H:i"  # 21 December 2026, 14:05
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"  # 21/12/2026
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
