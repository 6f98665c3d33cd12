"""Zaak zoeken: any zaak of the gemeente, open or closed, by number, name, BSN or address.

Thin: the form becomes a ``ZaakSearch`` for ``plus1.cases.search``, which scopes the search
to the employee's gemeente and logs a BSN search; this view pages and renders the result.
"""

from __future__ import annotations

from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from plus1.cases.processing import Purpose
from plus1.cases.search import ZaakSearch, ZaakState, search_zaken
from plus1.cases.selectors import InboxSort

from .access import employee_view

PAGE_SIZE = 25

STATE_CHOICES = [
    (ZaakState.ALL.value, _("Open en afgesloten")),
    (ZaakState.OPEN.value, _("Alleen open zaken")),
    (ZaakState.CLOSED.value, _("Alleen afgesloten zaken")),
]
SORT_CHOICES = [
    (InboxSort.NEWEST.value, _("Registratiedatum (nieuwste eerst)")),
    (InboxSort.NUMBER.value, _("Zaaknummer")),
    (InboxSort.DEADLINE.value, _("Uiterste datum (eerst)")),
]


class ZaakSearchForm(forms.Form):
    """GET parameters of the search page; an odd value falls back to the default."""

    zoek = forms.CharField(
        label=_("Zoek een zaak"),
        help_text=_("Zaaknummer, naam, BSN (9 cijfers) of adres (straat, huisnummer of postcode)"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    status = forms.ChoiceField(label=_("Welke zaken"), choices=STATE_CHOICES, required=False)
    sorteer = forms.ChoiceField(label=_("Sorteren op"), choices=SORT_CHOICES, required=False)

    def to_search(self) -> ZaakSearch:
        self.is_valid()
        data = self.cleaned_data
        return ZaakSearch(
            query=(data.get("zoek") or "").strip(),
            state=ZaakState(data.get("status") or ZaakState.ALL),
            sort=InboxSort(data.get("sorteer") or InboxSort.NEWEST),
        )


def _purpose(request: HttpRequest) -> Purpose:
    match = request.resolver_match
    return Purpose.handling(request.actor, operation=match.view_name if match else "")


@employee_view
def zaak_search_view(request: HttpRequest) -> HttpResponse:
    form = ZaakSearchForm(request.GET or None)
    search = form.to_search() if request.GET else ZaakSearch()
    zaken = search_zaken(tenant=request.tenant, search=search, purpose=_purpose(request))
    page = Paginator(zaken, PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "backoffice/zaak_search.html",
        {
            "nav": "zoeken",
            "form": form,
            "search": search,
            "page": page,
            "page_query": query.urlencode(),
        },
    )
