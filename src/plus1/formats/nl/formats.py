# Dutch interface formats (see plus1/formats/__init__.py); Django's own nl module for the rest.
# Only the display formats; input formats and separators stay Django's for the language.
DATE_FORMAT = "j F Y"  # 21 december 2026
DATETIME_FORMAT = "j F Y, H:i"  # 21 december 2026, 14:05
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d-m-Y"  # 21-12-2026
SHORT_DATETIME_FORMAT = "d-m-Y H:i"
