from django import forms
from django.utils.translation import gettext_lazy as _

from tend.diary.models import PracticeLog

RATINGS = ["threat_before", "threat_after", "drive_before", "drive_after", "soothing_before", "soothing_after"]


class PracticeLogForm(forms.ModelForm):
    minutes = forms.IntegerField(label=_("How many minutes"), min_value=0, max_value=600)

    class Meta:
        model = PracticeLog
        fields = ["tool", "started_at", *RATINGS, "notes"]
        widgets = {
            "started_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "notes": forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
            **{name: forms.NumberInput(attrs={"min": 0, "max": 10}) for name in RATINGS},
        }
        help_texts = {"notes": _("What you noticed, if anything. Private to you.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["minutes"].initial = self.instance.minutes if self.instance.pk else 5
        for name in RATINGS:
            self.fields[name].help_text = _("0 (not at all) to 10 (very strongly)")

    def clean_notes(self):
        notes = self.cleaned_data["notes"]
        if len(notes) > 2000:
            raise forms.ValidationError(_("Please keep notes under 2,000 characters; write longer reflections in your journal."))
        return notes

    def save(self, commit=True):
        self.instance.duration_seconds = self.cleaned_data["minutes"] * 60
        return super().save(commit)
