from django.contrib import admin
from django.utils import timezone

from tend.certificates.models import Certificate, CompletionRule


@admin.register(CompletionRule)
class CompletionRuleAdmin(admin.ModelAdmin):
    """The organisation's one set of completion rules."""

    list_display = ["__str__", "modules_required", "practice_hours", "supervision_hours", "competencies_signed_off"]

    def has_add_permission(self, request) -> bool:
        return super().has_add_permission(request) and not CompletionRule.objects.exists()


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    """Issued certificates hold no private writing. Admins may only revoke them, with a reason;
    they are never edited or deleted, so a verification link never silently changes its answer."""

    list_display = ["uid", "recipient_name", "kind", "title", "issued_at", "revoked_at"]
    list_filter = ["kind", "revoked_at"]
    search_fields = ["=uid", "recipient_name", "title"]
    fields = ["uid", "recipient_name", "kind", "title", "achieved_on", "hours", "issued_at", "revoked_at", "revoked_reason"]
    readonly_fields = ["uid", "recipient_name", "kind", "title", "achieved_on", "hours", "issued_at", "revoked_at"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj, form, change):
        if obj.revoked_reason.strip() and obj.revoked_at is None:
            obj.revoked_at = timezone.now()
        elif not obj.revoked_reason.strip():
            obj.revoked_at = None  # clearing the reason restores the certificate
        super().save_model(request, obj, form, change)
