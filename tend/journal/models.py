"""The private reflective journal."""

from datetime import date

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tend.core.crypto import EncryptedTextField
from tend.core.models import AutosavedItem, OwnedItem, Visibility


class JournalEntryQuerySet(models.QuerySet):
    def live(self):
        return self.filter(deleted_at__isnull=True)


class JournalEntry(OwnedItem, AutosavedItem):
    # Title, body and tags are all personal writing, so all are encrypted at rest.
    title = EncryptedTextField(_("title"), blank=True)
    body = EncryptedTextField(_("entry"), blank=True)
    tags = EncryptedTextField(_("tags"), blank=True, help_text=_("Separate tags with commas."))
    entry_date = models.DateField(_("date"), default=date.today)
    created_at = models.DateTimeField(auto_now_add=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    objects = JournalEntryQuerySet.as_manager()

    SHARE_CHOICES = [(Visibility.PRIVATE, Visibility.PRIVATE.label), (Visibility.SUPERVISOR, Visibility.SUPERVISOR.label)]

    class Meta:
        ordering = ["-entry_date", "-created_at"]
        verbose_name_plural = "journal entries"

    def __str__(self) -> str:
        return f"Journal entry {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("journal:detail", args=[self.pk])

    @property
    def display_title(self) -> str:
        return self.title.strip() or str(_("Untitled entry"))

    @property
    def tag_list(self) -> list[str]:
        return [tag.strip() for tag in self.tags.split(",") if tag.strip()]

    def matches(self, query: str) -> bool:
        needle = query.casefold()
        return any(needle in text.casefold() for text in (self.title, self.body, self.tags))

    def soft_delete(self) -> None:
        self.deleted_at = timezone.now()
        self.save(update_fields=["deleted_at"])

    def restore(self) -> None:
        self.deleted_at = None
        self.save(update_fields=["deleted_at"])
