"""Date and number formats of the interface, one per kind of place (docs/formats.md).

- In running text and on detail pages: ``DATE_FORMAT`` ("21 december 2026"), with a time
  ``DATETIME_FORMAT`` ("21 december 2026, 14:05").
- In tables and lists where space is short: ``SHORT_DATE_FORMAT`` ("21-12-2026") and
  ``SHORT_DATETIME_FORMAT`` ("21-12-2026 14:05").
Templates name the kind (``|date:"SHORT_DATE_FORMAT"`` or plain ``|date``), never a pattern, so
the English interface gets English formats. ISO dates stay in data (``datetime`` attributes,
APIs, exports), never in what a person reads.
"""
