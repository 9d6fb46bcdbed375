from django.contrib import admin

from tend.letters.models import Letter


@admin.register(Letter)
class LetterAdmin(admin.ModelAdmin):
    """Metadata only: the admin never shows what anyone wrote, and cannot change it."""

    list_display = ["id", "owner", "perspective", "visibility", "version", "updated_at"]
    fields = ["owner", "perspective", "visibility", "version", "created_at", "updated_at"]
    readonly_fields = fields
    list_select_related = ["owner"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
