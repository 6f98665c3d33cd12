"""Forms of the back-office payment pages: the day of the reconciliation, the reason of a refund."""

from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plus1.core import clock

# The years a day may name: year 0001 or 9999 would overflow the day's local bounds (a 500).
FIRST_YEAR, LAST_YEAR = 2000, 2999


class DayForm(forms.Form):
    """One day of the reconciliation; today when nothing (valid) was chosen."""

    dag = forms.DateField(
        label=gettext_lazy("Dag"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean_dag(self) -> datetime.date | None:
        day = self.cleaned_data.get("dag")
        if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise forms.ValidationError(
                _("Kies een dag tussen %(first)s en %(last)s.") % {"first": FIRST_YEAR, "last": LAST_YEAR}
            )
        return day

    def day(self) -> datetime.date:
        if self.is_bound and self.is_valid() and self.cleaned_data.get("dag"):
            return self.cleaned_data["dag"]
        return clock.today()


class RefundForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reden van de terugbetaling"),
        help_text=gettext_lazy("Bijvoorbeeld: aanvraag ingetrokken op verzoek van de aanvrager."),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": gettext_lazy("Vul de reden van de terugbetaling in.")},
    )
