from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tend.timers.models import MAX_MINUTES, Kind


class RecordForm(forms.Form):
    """What the timer sends when a sitting ends."""

    client_id = forms.CharField(max_length=64, min_length=8)
    kind = forms.ChoiceField(choices=Kind.choices)
    started_at = forms.DateTimeField()
    planned_seconds = forms.IntegerField(min_value=60, max_value=MAX_MINUTES * 60)
    duration_seconds = forms.IntegerField(min_value=0, max_value=MAX_MINUTES * 60)
    bells_every = forms.IntegerField(min_value=0, max_value=MAX_MINUTES, required=False)
    completed = forms.BooleanField(required=False)
    speed = forms.FloatField(min_value=1, max_value=1000, required=False)

    def clean_started_at(self):
        started = self.cleaned_data["started_at"]
        if started > timezone.now() + timedelta(minutes=5):
            raise forms.ValidationError(_("The start time is in the future."))
        return started

    def clean(self):
        cleaned = super().clean()
        planned, practised = cleaned.get("planned_seconds"), cleaned.get("duration_seconds")
        if planned is not None and practised is not None and practised > planned:
            self.add_error("duration_seconds", _("More time was practised than was planned."))
        return cleaned
