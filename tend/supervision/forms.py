from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from tend.supervision.models import SIGN_OFF_LEVELS, Level, SupervisionAgreement, SupervisionLog

MAX_TEXT = 10_000


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Your comment"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 4}),
                           error_messages={"required": _("Write a comment before sending it.")})
    quote = forms.CharField(
        label=_("Passage (optional)"), required=False, max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("To comment on part of the text, paste the exact words here, or select them in the text above. "
                    "Leave empty to comment on the whole item."),
    )
    start = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)


MAX_REPLY = 2_000


class ReplyForm(forms.Form):
    """A short reply under one comment; several sit on one page, so each gets its own ids."""

    body = forms.CharField(
        label=_("Your reply"), max_length=MAX_REPLY, widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write a reply before sending it."),
                        "max_length": _("Keep a reply to %(limit_value)d characters or fewer (this one has %(show_value)d).")},
    )

    def __init__(self, *args, comment_pk: int, **kwargs):
        kwargs.setdefault("auto_id", f"id_reply_{comment_pk}_%s")
        super().__init__(*args, **kwargs)


class LogForm(forms.ModelForm):
    class Meta:
        model = SupervisionLog
        fields = ["date", "duration_minutes", "format", "topics", "agreed_actions"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "format": forms.RadioSelect,
            "topics": forms.Textarea(attrs={"rows": 4}),
            "agreed_actions": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "topics": _("What you talked about, in a few words. No client names."),
            "agreed_actions": _("What the supervisee will try or bring next time."),
        }
        error_messages = {"topics": {"required": _("Add at least one topic you discussed.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["duration_minutes"].min_value = 5
        self.fields["duration_minutes"].widget.attrs.update(min=5, max=480)
        self.fields["topics"].max_length = self.fields["agreed_actions"].max_length = MAX_TEXT

    def clean_date(self):
        value = self.cleaned_data["date"]
        if value > date.today():
            raise forms.ValidationError(
                _("A supervision log records a session that has happened: choose today or an earlier date."))
        return value

    def clean_duration_minutes(self):
        value = self.cleaned_data["duration_minutes"]
        if not 5 <= value <= 480:
            raise forms.ValidationError(_("Enter a length between 5 and 480 minutes."))
        return value


class LogResponseForm(forms.Form):
    action = forms.ChoiceField(choices=[("confirm", _("Confirm")), ("correct", _("Ask for a correction"))])
    note = forms.CharField(label=_("What needs correcting?"), required=False, max_length=MAX_TEXT,
                           widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        data = super().clean()
        if data.get("action") == "correct" and not data.get("note", "").strip():
            self.add_error("note", _("Say what needs correcting, so your supervisor can fix it."))
        return data


LEVEL_CHOICES = Level.choices


class SelfRatingForm(forms.Form):
    level = forms.ChoiceField(label=_("How would you rate yourself now?"), choices=LEVEL_CHOICES, widget=forms.RadioSelect,
                              error_messages={"required": _("Choose the rating closest to where you are now.")})
    note = forms.CharField(label=_("A note for your supervisor (optional)"), required=False, max_length=MAX_TEXT,
                           widget=forms.Textarea(attrs={"rows": 3}))


class SupervisorRatingForm(forms.Form):
    level = forms.ChoiceField(label=_("Your rating"), choices=LEVEL_CHOICES, widget=forms.RadioSelect,
                              error_messages={"required": _("Choose a rating.")})
    note = forms.CharField(label=_("Note"), required=False, max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=_("What you saw, and what would help next. Needed for a sign-off."))
    evidence = forms.MultipleChoiceField(label=_("Evidence"), required=False, widget=forms.CheckboxSelectMultiple,
                                         help_text=_("Only items your supervisee shared with you, "
                                                     "and your supervision logs together."))
    sign_off = forms.BooleanField(label=_("Sign off this competency"), required=False)

    def __init__(self, *args, evidence_options=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence"].choices = [(o.value, f"{o.title} ({o.label})") for o in evidence_options]

    def clean(self):
        data = super().clean()
        if data.get("sign_off"):
            if data.get("level") and data["level"] not in SIGN_OFF_LEVELS:
                self.add_error("level", _("To sign off, rate the competency as competent or proficient."))
            if not data.get("note", "").strip():
                self.add_error("note", _("Add a note saying what you based the sign-off on."))
        return data

    def evidence_pairs(self) -> list[tuple[str, int]]:
        return [(value.split(":")[0], int(value.split(":")[1])) for value in self.cleaned_data["evidence"]]


class AgreementForm(forms.ModelForm):
    class Meta:
        model = SupervisionAgreement
        fields = ["expectations", "confidentiality", "frequency"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in fields}
