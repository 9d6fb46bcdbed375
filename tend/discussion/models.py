"""Cohort discussion: one thread per curriculum module (made when first opened) and general
threads any member starts; replies in sanitised Markdown; trainers' moderation and reports.

Posts are visible to the cohort they were written in (its members, trainers and admins), so they
are not OwnedItems; who may do what is decided in tend.core.access (the discussion section)."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tend.core.crypto import EncryptedTextField
from tend.core.models import AutosavedItem

DEFAULT_EDIT_MINUTES = 15


def edit_window() -> timedelta:
    return timedelta(minutes=getattr(settings, "TEND_DISCUSSION_EDIT_MINUTES", DEFAULT_EDIT_MINUTES))


class Thread(models.Model):
    cohort = models.ForeignKey("cohorts.Cohort", on_delete=models.CASCADE, related_name="discussion_threads")
    # Set for a module's thread; content is archived rather than deleted, but if a module row ever
    # goes the conversation stays, as a general thread.
    module = models.ForeignKey("learn.Module", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    pinned = models.BooleanField(default=False)
    locked = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_activity_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-pinned", "-last_activity_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "module"], condition=Q(module__isnull=False), name="one_thread_per_module_per_cohort")
        ]
        indexes = [models.Index(fields=["cohort", "pinned", "last_activity_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("discussion:thread", args=[self.cohort_id, self.pk])

    @property
    def is_module_thread(self) -> bool:
        return self.module_id is not None


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # What the author typed, and that text rendered once (sanitised) when it was written.
    body = EncryptedTextField(_("your post"))
    body_html = EncryptedTextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    removed_at = models.DateTimeField(null=True, blank=True)  # the author deleted it (kept, never shown)
    hidden_at = models.DateTimeField(null=True, blank=True)  # a trainer hid it
    hidden_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    mentions = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["thread", "created_at"])]

    def __str__(self) -> str:
        return f"Post {self.pk} in thread {self.thread_id}"

    @property
    def is_removed(self) -> bool:
        return self.removed_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    def editable_until(self):
        return self.created_at + edit_window()

    def can_edit(self, user, now=None) -> bool:
        """Only the author, only while the post is up, and only within the edit window."""
        now = now or timezone.now()
        return user.pk == self.author_id and not self.is_removed and now <= self.editable_until()

    def shows_text_to(self, user, *, moderator: bool) -> bool:
        """Removed posts show nobody their text; hidden ones still show their author (and the
        trainers who may unhide them)."""
        if self.is_removed:
            return False
        if self.is_hidden:
            return user.pk == self.author_id or moderator
        return True


class Report(models.Model):
    """Someone asked the cohort's trainer to look at a post."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(_("what's the concern?"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["post", "resolved_at"])]

    def __str__(self) -> str:
        return f"Report {self.pk} on post {self.post_id}"


class Draft(AutosavedItem):
    """What someone is writing and has not posted yet, saved as they type: a reply to a thread, or
    (thread empty) a new thread in the cohort. Only its writer ever sees it; posting deletes it."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    cohort = models.ForeignKey("cohorts.Cohort", on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200, blank=True)  # a new thread's title
    body = EncryptedTextField(_("your post"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        # Thread is nullable and NULLs never collide in a unique index, so new-thread drafts get their own rule.
        constraints = [
            models.UniqueConstraint(fields=["owner", "cohort", "thread"], condition=Q(thread__isnull=False), name="one_reply_draft_per_person_per_thread"),
            models.UniqueConstraint(fields=["owner", "cohort"], condition=Q(thread__isnull=True), name="one_new_thread_draft_per_person_per_cohort"),
        ]

    def __str__(self) -> str:
        return f"Draft {self.pk}"

    def get_absolute_url(self) -> str:
        """Where the person goes on writing it."""
        if self.thread_id:
            return reverse("discussion:thread", args=[self.cohort_id, self.thread_id]) + "#reply-form"
        return reverse("discussion:new", args=[self.cohort_id])
