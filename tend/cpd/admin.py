from django.contrib import admin

from tend.cpd.models import CpdCategory


@admin.register(CpdCategory)
class CpdCategoryAdmin(admin.ModelAdmin):
    """The organisation's CPD headings. External activities are private and never listed here."""

    list_display = ["name", "key", "order"]
    list_editable = ["order"]
    ordering = ["order", "name"]
