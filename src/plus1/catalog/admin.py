"""Catalog management in the Django admin.

Catalog managers of the collective edit concept versions and publish them; a gemeente's
functional admins (beheerders) adopt published processes and keep their local settings.
Each sees only what belongs to their own organisation. Every change goes through
``services``; published versions are read-only.
"""

import datetime

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from plus1.audit.services import Actor, record_change
from plus1.core import clock
from plus1.core.exceptions import Plus1Error
from plus1.tenants.constants import OrganisationKind

from . import policies, selectors, services
from .models import (
    Adoption,
    BesluitType,
    Communicatiekanaal,
    Eigenschap,
    InformatieObjectType,
    ProcessingActivity,
    Product,
    ProductText,
    ResultaatType,
    ResultaatTypeOmschrijving,
    RolType,
    SelectielijstProcestype,
    SelectielijstResultaat,
    StatusType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from .runnable import runnable_problems


class ReferenceAdmin(admin.ModelAdmin):
    """National reference lists: everyone with a catalog role may look, nobody edits."""

    def has_module_permission(self, request):
        return bool(policies.catalog_organisations(request.user) or policies.adopting_gemeenten(request.user))

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Product)
class ProductAdmin(ReferenceAdmin):
    list_display = ["upl_name", "is_for_residents", "is_for_businesses", "is_application", "is_report"]
    list_filter = ["is_for_residents", "is_for_businesses", "is_application", "is_report"]
    search_fields = ["upl_name"]


@admin.register(SelectielijstProcestype)
class SelectielijstProcestypeAdmin(ReferenceAdmin):
    list_display = ["nummer", "naam", "jaar"]


@admin.register(SelectielijstResultaat)
class SelectielijstResultaatAdmin(ReferenceAdmin):
    list_display = ["volledig_nummer", "naam", "omschrijving", "waardering", "bewaartermijn"]
    list_filter = ["procestype"]
    search_fields = ["volledig_nummer", "naam", "omschrijving"]


@admin.register(ResultaatTypeOmschrijving)
class ResultaatTypeOmschrijvingAdmin(ReferenceAdmin):
    list_display = ["omschrijving", "definitie"]


@admin.register(Communicatiekanaal)
class CommunicatiekanaalAdmin(ReferenceAdmin):
    list_display = ["naam", "omschrijving"]


class ZaakTypePartInline(admin.TabularInline):
    extra = 0

    def _editable(self, request, obj) -> bool:
        return obj is not None and policies.can_edit_zaaktype(request.user, obj)

    def has_add_permission(self, request, obj=None):
        return self._editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(request, obj)

    def has_view_permission(self, request, obj=None):
        return True


class StatusTypeInline(ZaakTypePartInline):
    model = StatusType
    fields = ["volgnummer", "omschrijving", "informs_initiator", "statustekst"]


class ResultaatTypeInline(ZaakTypePartInline):
    model = ResultaatType
    fields = ["omschrijving", "generic", "selectielijstklasse", "archiefnominatie", "archiefactietermijn"]
    raw_id_fields = ["selectielijstklasse"]


class RolTypeInline(ZaakTypePartInline):
    model = RolType
    fields = ["omschrijving", "generic"]


class EigenschapInline(ZaakTypePartInline):
    model = Eigenschap
    # data_class decides what a chain partner sees; editable while the version is a concept.
    fields = ["order", "name", "label", "data_type", "data_class", "is_required", "step", "help_text"]


class DocumentTypeInline(ZaakTypePartInline):
    model = ZaakTypeInformatieObjectType
    fields = ["volgnummer", "informatieobjecttype", "is_required", "direction"]


class NextVersionForm(forms.Form):
    valid_from = forms.DateField(label=_("Geldig vanaf"))


@admin.register(ZaakType)
class ZaakTypeAdmin(admin.ModelAdmin):
    list_display = ["omschrijving", "identificatie_display", "version", "status", "valid_from", "valid_until"]
    list_filter = ["status"]
    search_fields = ["omschrijving", "process__identificatie", "product__upl_name"]
    list_select_related = ["process"]
    autocomplete_fields = ["product"]
    inlines = [StatusTypeInline, ResultaatTypeInline, RolTypeInline, EigenschapInline, DocumentTypeInline]
    actions = ["publish", "next_version"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "omschrijving",
                    "product",
                    "producten_of_diensten",
                    "valid_from",
                    "valid_until",
                    "status",
                    "version",
                ]
            },
        ),
        (
            _("Voor de inwoner"),
            {"fields": ["description", "keywords", "is_for_residents", "is_for_businesses"]},
        ),
        (
            _("Termijnen"),
            {
                "fields": [
                    "lead_time",
                    "lead_time_source",
                    "service_norm",
                    "suspension_allowed",
                    "extension_allowed",
                    "extension_period",
                    "extension_source",
                ]
            },
        ),
        (
            _("Proces"),
            {
                "fields": [
                    "purpose",
                    "trigger",
                    "subject",
                    "initiator_action",
                    "handler_action",
                    "responsible",
                    "direction",
                    "confidentiality",
                    "selectielijst_procestype",
                    "allows_online",
                    "allows_anonymous",
                    "besluittypen",
                ]
            },
        ),
        (
            _("Leges (het bedrag zet elke gemeente zelf)"),
            {
                "fields": [
                    "fee_basis",
                    "fee_unit_eigenschap",
                    "fee_returned_on_withdrawal",
                    "fee_returned_on_rejection",
                ]
            },
        ),
    ]

    @admin.display(description=_("identificatie"), ordering="process__identificatie")
    def identificatie_display(self, obj):
        return obj.process.identificatie

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        managed = policies.catalog_organisations(request.user)
        if managed:
            return queryset.filter(tenant__in=managed)
        # Gemeente beheerders may read the shared catalog they adopt from.
        return queryset.filter(pk__in=selectors.published_zaaktypen().values("pk"))

    def has_module_permission(self, request):
        return bool(policies.catalog_organisations(request.user) or policies.adopting_gemeenten(request.user))

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        # New processes come from the reviewed library files (plus1 catalog import);
        # new versions from the "nieuwe versie" action.
        return False

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return bool(policies.catalog_organisations(request.user))
        return policies.can_edit_zaaktype(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        fixed = ["status", "version", "valid_until"]
        if obj is not None and not policies.can_edit_zaaktype(request.user, obj):
            return [f.name for f in ZaakType._meta.concrete_fields] + ["besluittypen"]
        return fixed

    def save_model(self, request, obj, form, change):
        changes = {
            name: form.cleaned_data[name]
            for name in form.changed_data
            if name in services.ZAAKTYPE_CONTENT_FIELDS
        }
        services.update_zaaktype(zaaktype=obj, actor=Actor.from_user(request.user), **changes)

    def save_related(self, request, form, formsets, change):
        with transaction.atomic():
            super().save_related(request, form, formsets, change)
            if any(formset.has_changed() for formset in formsets):
                record_change(
                    tenant=form.instance.tenant,
                    actor=Actor.from_user(request.user),
                    action="update_zaaktype_parts",
                    obj=form.instance,
                    note=", ".join(type(f.model()).__name__ for f in formsets if f.has_changed()),
                )

    @admin.action(description=_("Publiceren"))
    def publish(self, request, queryset):
        for zaaktype in queryset:
            if not policies.can_publish_zaaktype(request.user, zaaktype):
                self.message_user(request, f"U mag {zaaktype} niet publiceren.", messages.ERROR)
                continue
            try:
                services.publish_zaaktype(zaaktype=zaaktype, actor=Actor.from_user(request.user))
            except Plus1Error as exc:
                self.message_user(request, f"{zaaktype}: {exc}", messages.ERROR)
            else:
                self.message_user(request, f"{zaaktype} is gepubliceerd.", messages.SUCCESS)
                if problems := runnable_problems(zaaktype):
                    # ZGW allows it; gemeenten can adopt it once a version can run zaken.
                    self.message_user(
                        request,
                        f"{zaaktype} kan nog niet worden overgenomen: {' '.join(problems)}",
                        messages.WARNING,
                    )
                elif zaaktype.product_id is None:
                    self.message_user(
                        request,
                        f"{zaaktype} heeft geen UPL-product: een intern proces, niet in het portaal.",
                        messages.INFO,
                    )

    @admin.action(description=_("Nieuwe conceptversie maken (gaat morgen in)"))
    def next_version(self, request, queryset):
        managed = policies.catalog_organisations(request.user)
        for zaaktype in queryset:
            if zaaktype.tenant not in managed:
                self.message_user(request, f"U beheert {zaaktype} niet.", messages.ERROR)
                continue
            try:
                copy = services.create_next_version(
                    zaaktype=zaaktype,
                    valid_from=clock.today() + datetime.timedelta(days=1),
                    actor=Actor.from_user(request.user),
                )
            except Plus1Error as exc:
                self.message_user(request, f"{zaaktype}: {exc}", messages.ERROR)
            else:
                self.message_user(request, f"Conceptversie {copy.version} van {copy.omschrijving} gemaakt.")


class AdoptionForm(forms.ModelForm):
    class Meta:
        model = Adoption
        fields = ["tenant", "zaaktype", *services.ADOPTION_LOCAL_FIELDS]

    def clean(self):
        cleaned = super().clean()
        tenant, zaaktype = cleaned.get("tenant"), cleaned.get("zaaktype")
        is_new = self.instance.pk is None and tenant and zaaktype
        if is_new and Adoption.objects.for_tenant(tenant).filter(process_id=zaaktype.process_id).exists():
            raise forms.ValidationError(
                _("%(gemeente)s heeft dit proces al overgenomen. Pas de bestaande instellingen aan."),
                params={"gemeente": tenant},
            )
        if is_new and (problems := runnable_problems(zaaktype)):
            # The service refuses it too (adopt_process); here it is a message on the form.
            raise forms.ValidationError(
                _("Dit zaaktype kan nog geen zaken uitvoeren: %(problems)s"),
                params={"problems": " ".join(problems)},
            )
        return cleaned


@admin.register(Adoption)
class AdoptionAdmin(admin.ModelAdmin):
    form = AdoptionForm
    list_display = ["omschrijving", "tenant", "version_in_use", "upgrade_display", "fee", "offers_online"]
    list_filter = ["offers_online"]
    search_fields = ["zaaktype__omschrijving", "process__identificatie"]
    actions = ["accept_upgrades"]

    def get_queryset(self, request):
        gemeenten = policies.adopting_gemeenten(request.user)
        queryset = (
            Adoption.objects.filter(tenant__in=gemeenten)
            .select_related("tenant", "zaaktype", "process")
            .annotate(latest_version=selectors.latest_version_subquery())
        )
        return queryset

    @admin.display(description=_("zaaktype"), ordering="zaaktype__omschrijving")
    def omschrijving(self, obj):
        return obj.zaaktype.omschrijving

    @admin.display(description=_("versie"), ordering="zaaktype__version")
    def version_in_use(self, obj):
        return obj.zaaktype.version

    @admin.display(description=_("nieuwe versie"))
    def upgrade_display(self, obj):
        if obj.latest_version and obj.latest_version > obj.zaaktype.version:
            return f"Versie {obj.latest_version} staat klaar"
        return "—"

    def has_module_permission(self, request):
        return bool(policies.adopting_gemeenten(request.user))

    def has_view_permission(self, request, obj=None):
        return (obj is None and self.has_module_permission(request)) or (
            obj is not None and policies.can_manage_adoption(request.user, obj)
        )

    def has_add_permission(self, request):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return self.has_view_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return ["tenant", "zaaktype"] if obj is not None else []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "tenant":
            kwargs["queryset"] = db_field.related_model.objects.filter(
                pk__in=[g.pk for g in policies.adopting_gemeenten(request.user)]
            )
        if db_field.name == "zaaktype":
            kwargs["queryset"] = (
                selectors.published_zaaktypen()
                .runnable()
                .annotate(latest=selectors.latest_version_subquery(of="process"))
                .filter(version=F("latest"))
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        actor = Actor.from_user(request.user)
        local = {name: form.cleaned_data[name] for name in services.ADOPTION_LOCAL_FIELDS}
        if change:
            services.update_adoption(adoption=obj, actor=actor, **local)
        else:
            # The tenant field only offers the user's own gemeenten; the service checks the rest.
            form.instance = services.adopt_process(
                gemeente=obj.tenant, zaaktype=obj.zaaktype, actor=actor, **local
            )

    @admin.action(description=_("Nieuwe versie in gebruik nemen"))
    def accept_upgrades(self, request, queryset):
        for adoption in queryset:
            if not policies.can_manage_adoption(request.user, adoption):
                continue
            try:
                adoption = services.accept_upgrade(adoption=adoption, actor=Actor.from_user(request.user))
            except Plus1Error as exc:
                self.message_user(request, str(exc), messages.WARNING)
            else:
                self.message_user(
                    request,
                    f"{adoption.zaaktype.omschrijving} gebruikt nu versie {adoption.zaaktype.version}.",
                )


class CatalogOwnedAdmin(ReferenceAdmin):
    """Document and decision types: read-only here; they arrive with the library import."""

    list_display = ["omschrijving", "category", "status", "valid_from"]
    search_fields = ["omschrijving"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(tenant__kind=OrganisationKind.COLLECTIVE)


admin.site.register(InformatieObjectType, CatalogOwnedAdmin)
admin.site.register(BesluitType, CatalogOwnedAdmin)


class ProductTextForm(forms.ModelForm):
    class Meta:
        model = ProductText
        fields = ["tenant", "product", *services.PRODUCT_TEXT_FIELDS]

    def clean(self):
        cleaned = super().clean()
        tenant, product = cleaned.get("tenant"), cleaned.get("product")
        is_new = self.instance.pk is None and tenant and product
        if is_new and ProductText.objects.for_tenant(tenant).filter(product=product).exists():
            raise forms.ValidationError(
                _("%(gemeente)s heeft al een eigen tekst voor dit product. Pas die tekst aan."),
                params={"gemeente": tenant},
            )
        return cleaned


@admin.register(ProductText)
class ProductTextAdmin(admin.ModelAdmin):
    """A gemeente's own text on a product page; its beheerders see and edit only their own."""

    form = ProductTextForm
    list_display = ["product", "tenant", "updated_at"]
    search_fields = ["product__upl_name", "text"]
    autocomplete_fields = ["product"]

    def get_queryset(self, request):
        gemeenten = policies.adopting_gemeenten(request.user)
        return ProductText.objects.filter(tenant__in=gemeenten).select_related("tenant", "product")

    def has_module_permission(self, request):
        return bool(policies.adopting_gemeenten(request.user))

    def has_view_permission(self, request, obj=None):
        return (obj is None and self.has_module_permission(request)) or (
            obj is not None and policies.can_manage_product_text(request.user, obj)
        )

    def has_add_permission(self, request):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return self.has_view_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_view_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        return ["tenant", "product"] if obj is not None else []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "tenant":
            kwargs["queryset"] = db_field.related_model.objects.filter(
                pk__in=[g.pk for g in policies.adopting_gemeenten(request.user)]
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        # The tenant field only offers the user's own gemeenten; the service writes the audit row.
        form.instance = services.save_product_text(
            gemeente=obj.tenant,
            product=obj.product,
            actor=Actor.from_user(request.user),
            **{name: form.cleaned_data[name] for name in services.PRODUCT_TEXT_FIELDS},
        )

    def delete_model(self, request, obj):
        with transaction.atomic():
            record_change(
                tenant=obj.tenant, actor=Actor.from_user(request.user), action="delete_product_text", obj=obj
            )
            obj.delete()

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            if policies.can_manage_product_text(request.user, obj):
                self.delete_model(request, obj)


class ZaakTypeOfActivityInline(admin.TabularInline):
    model = ZaakType
    fk_name = "processing_activity"
    fields = ["omschrijving", "version", "status"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False
    verbose_name = _("zaaktype")
    verbose_name_plural = _("zaaktypen met deze verwerkingsactiviteit")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ProcessingActivity)
class ProcessingActivityAdmin(ReferenceAdmin):
    """The register of verwerkingsactiviteiten: to look up, shipped with the library."""

    list_display = ["name", "code", "legal_ground", "retention_years"]
    search_fields = ["name", "code", "purpose", "legal_ground"]
    readonly_fields = ["code", "name", "purpose", "legal_ground", "retention_years"]
    inlines = [ZaakTypeOfActivityInline]
