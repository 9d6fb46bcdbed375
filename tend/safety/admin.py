from django.contrib import admin

from tend.safety.models import CrisisContact


@admin.register(CrisisContact)
class CrisisContactAdmin(admin.ModelAdmin):
    list_display = ["name", "phone", "text", "web", "hours", "order", "active"]
    list_editable = ["order", "active"]
