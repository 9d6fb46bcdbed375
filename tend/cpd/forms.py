from datetime import timedelta

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from tend.cpd import conf
from tend.cpd.models import CpdCategory, EvidenceType, ExternalActivity

MAX_REFLECTION_CHARS = 20_000
MAX_PERIOD_DAYS = 366 * 5


def sniff_evidence_type(head: bytes) -> str | None:
    """The file's real type from its first bytes (never from its name or the browser's claim)."""
    if head.startswith(b"%PDF-"):
        return EvidenceType.PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return EvidenceType.PNG
    if head.startswith(b"\xff\xd8\xff"):
        return EvidenceType.JPEG
    return None


AUTOSAVED_FIELDS = ["title", "date", "hours", "category", "reflection"]


class ExternalActivityForm(forms.ModelForm):
    evidence_file = forms.FileField(
        label=_("Evidence (optional)"), required=False,
        help_text=_("A certificate of attendance or similar: PDF, PNG or JPEG. Only you can download it."),
        widget=forms.FileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"}),
    )
    remove_evidence = forms.BooleanField(label=_("Remove the evidence file"), required=False)
    # Autosave (tend.core.autosave): the version this page was based on and the save's idempotency key.
    base_version = forms.IntegerField(min_value=1, required=False, widget=forms.HiddenInput)
    save_id = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput)

    class Meta:
        model = ExternalActivity
        fields = ["title", "date", "hours", "category", "reflection"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "hours": forms.NumberInput(attrs={"step": "0.25", "min": "0.25", "max": "200"}),
            "reflection": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "title": _("For example: “Two-day workshop on compassionate mind training”."),
            "hours": _("In hours, to the nearest quarter hour (1.5 is an hour and a half)."),
            "reflection": _("What you learned and how it shapes your practice. Private to you; "
                            "it is not printed on your CPD record."),
        }
        # Specific messages: an autosave shows them without the field's label beside them.
        error_messages = {
            "title": {"required": _("Please say what you did, for example the workshop's name.")},
            "date": {"required": _("Please give the date of the activity."),
                     "invalid": _("Please give the date as a full date, for example 2026-05-01.")},
            "hours": {"required": _("Please give the hours, for example 1.5."),
                      "invalid": _("Please give the hours as a number, for example 1.5.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = CpdCategory.objects.all()
        self.fields["category"].empty_label = None
        self.fields["evidence_file"].help_text = _(
            "A certificate of attendance or similar: PDF, PNG or JPEG, up to %(limit)s. Only you can download it."
        ) % {"limit": filesizeformat(conf.max_upload_bytes())}
        if not (self.instance.pk and self.instance.evidence):
            del self.fields["remove_evidence"]

    def clean_reflection(self):
        reflection = self.cleaned_data["reflection"].replace("\r\n", "\n")
        if len(reflection) > MAX_REFLECTION_CHARS:
            raise forms.ValidationError(
                _("Please keep the reflection under %(limit)s characters; your journal has room for longer writing."),
                params={"limit": f"{MAX_REFLECTION_CHARS:,}"},
            )
        return reflection

    def saved_values(self) -> dict:
        """What an autosave (or a save from this page) writes: everything but the evidence file."""
        return {name: self.cleaned_data[name] for name in AUTOSAVED_FIELDS}

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        if not upload:
            return None
        limit = conf.max_upload_bytes()
        if upload.size > limit:
            raise forms.ValidationError(
                _("This file is %(size)s; evidence files can be at most %(limit)s."),
                code="size", params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            )
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        sniffed = sniff_evidence_type(head)
        if sniffed is None:
            raise forms.ValidationError(
                _("“%(name)s” is not a PDF, PNG or JPEG file. Please choose one of those (a scan or a "
                  "screenshot of a certificate works well)."),
                code="type", params={"name": upload.name or _("This file")},
            )
        self.cleaned_data["evidence_type"] = sniffed
        return upload


class ActivityAutosaveForm(ExternalActivityForm):
    """An autosave of an existing activity: the same rules, and it must name its base version."""

    base_version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end < start:
                raise forms.ValidationError(_("The end date is before the start date."))
            if end - start > timedelta(days=MAX_PERIOD_DAYS):
                raise forms.ValidationError(_("Please choose a period of five years or less."))
        return cleaned
