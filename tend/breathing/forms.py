from datetime import timedelta
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tend.breathing import rhythm
from tend.breathing.models import BreathingPattern

PHASE_FIELDS = {
    "inhale_seconds": "inhale",
    "hold_in_seconds": "hold_in",
    "exhale_seconds": "exhale",
    "hold_out_seconds": "hold_out",
}


def _seconds_field(label, help_text="", minimum=Decimal("0"), maximum=Decimal("15")) -> forms.DecimalField:
    return forms.DecimalField(
        label=label, help_text=help_text, min_value=minimum, max_value=maximum, max_digits=3, decimal_places=1,
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
        error_messages={"required": _("Enter a number of seconds (0 is fine for a pause).")},
    )


class BreathingPatternForm(forms.ModelForm):
    name = forms.CharField(label=_("Name"), max_length=80, widget=forms.TextInput(attrs={"autocomplete": "off"}))
    inhale_seconds = _seconds_field(_("Breathe in (seconds)"), minimum=rhythm.MIN_BREATH_SECONDS,
                                    maximum=rhythm.MAX_BREATH_SECONDS)
    hold_in_seconds = _seconds_field(_("Pause at the top (seconds)"), _("0 for no pause."),
                                     maximum=rhythm.MAX_PAUSE_SECONDS)
    exhale_seconds = _seconds_field(_("Breathe out (seconds)"), _("Usually as long as breathing in, or longer."),
                                    minimum=rhythm.MIN_BREATH_SECONDS, maximum=rhythm.MAX_BREATH_SECONDS)
    hold_out_seconds = _seconds_field(_("Pause at the bottom (seconds)"), _("0 for no pause."),
                                      maximum=rhythm.MAX_PAUSE_SECONDS)
    allow_shorter_exhale = forms.BooleanField(
        label=_("Allow a shorter out-breath"), required=False,
        help_text=_("Off by default: a longer out-breath is what settles the body."),
    )

    class Meta:
        model = BreathingPattern
        fields = ["name", "inhale_seconds", "hold_in_seconds", "exhale_seconds", "hold_out_seconds", "allow_shorter_exhale"]

    def __init__(self, *args, owner, **kwargs):
        self.owner = owner
        super().__init__(*args, **kwargs)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        others = BreathingPattern.objects.filter(owner=self.owner, name__iexact=name).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("You already have a pattern called “%(name)s”. Choose another name."),
                                        params={"name": name})
        return name

    def clean(self):
        cleaned = super().clean()
        if any(field not in cleaned for field in PHASE_FIELDS):
            return cleaned  # a phase is missing or out of range: its own message says so
        pattern = rhythm.Rhythm(**{key: cleaned[field] for field, key in PHASE_FIELDS.items()})
        by_key = {key: field for field, key in PHASE_FIELDS.items()}
        for key, messages in rhythm.validate(pattern, allow_shorter_exhale=cleaned.get("allow_shorter_exhale")).items():
            for message in messages:
                self.add_error(None if key == "__all__" else by_key[key], message)
        if self.instance.pk is None and BreathingPattern.objects.filter(owner=self.owner).count() >= rhythm.MAX_PATTERNS_PER_PERSON:
            self.add_error(None, _("You can keep up to %(n)d patterns. Delete one you no longer use to make room.")
                           % {"n": rhythm.MAX_PATTERNS_PER_PERSON})
        return cleaned


class SessionRecordForm(forms.Form):
    """What the pacer sends when a session ends. The pattern summary is rebuilt from checked numbers."""

    MODES = [("paced", "paced"), ("self-paced", "self-paced")]

    client_id = forms.CharField(max_length=64, required=False)
    started_at = forms.DateTimeField()
    duration_seconds = forms.IntegerField(min_value=0, max_value=rhythm.DURATION_CHOICES_MINUTES[-1] * 60 + 60)
    completed = forms.BooleanField(required=False)
    mode = forms.ChoiceField(choices=MODES, required=False)
    on_ramp = forms.BooleanField(required=False)
    pattern_id = forms.CharField(max_length=20, required=False)
    pattern_name = forms.CharField(max_length=80, required=False)
    inhale = forms.DecimalField(min_value=0, max_value=30, max_digits=4, decimal_places=2, required=False)
    hold_in = forms.DecimalField(min_value=0, max_value=30, max_digits=4, decimal_places=2, required=False)
    exhale = forms.DecimalField(min_value=0, max_value=30, max_digits=4, decimal_places=2, required=False)
    hold_out = forms.DecimalField(min_value=0, max_value=30, max_digits=4, decimal_places=2, required=False)
    speed = forms.FloatField(min_value=0.01, max_value=1000, required=False)

    def clean_started_at(self):
        started = self.cleaned_data["started_at"]
        if started > timezone.now() + timedelta(minutes=5):
            raise forms.ValidationError(_("The start time is in the future."))
        return started

    def pattern_summary(self) -> dict:
        data = self.cleaned_data
        mode = data.get("mode") or "paced"
        summary = {"mode": mode}
        if mode == "paced":
            phases = {key: data.get(key) or Decimal("0") for key in ("inhale", "hold_in", "exhale", "hold_out")}
            summary |= rhythm.summary(rhythm.Rhythm(**phases), name=data.get("pattern_name") or "")
            summary["on_ramp"] = bool(data.get("on_ramp"))
            if data.get("pattern_id"):
                summary["pattern_id"] = data["pattern_id"]
        if data.get("speed") and data["speed"] != 1:
            summary["speed"] = data["speed"]  # a sped-up test run, said so in the record
        return summary
