from django.contrib import admin

from tend.journal.models import JournalEntry


@admin.register(JournalEntry)
class JournalEntryAdmin(admin.ModelAdmin):
    """Metadata only: the admin never shows what anyone wrote, and cannot change it."""

    list_display = ["id", "owner", "entry_date", "visibility", "version", "updated_at", "deleted_at"]
    fields = ["owner", "entry_date", "visibility", "version", "created_at", "updated_at", "deleted_at"]
    readonly_fields = fields
    list_select_related = ["owner"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
