from django import forms
from django.utils.translation import gettext_lazy as _

from tend.circles.models import CIRCLE_HINTS, NOTE_KINDS, SIZE_MAX, SIZE_MIN, Circle, Snapshot

NOTE_MAX_CHARS = 5000


class RangeInput(forms.NumberInput):
    input_type = "range"

    def __init__(self, attrs=None):
        super().__init__({"min": SIZE_MIN, "max": SIZE_MAX, "step": 1, "class": "circles-range", **(attrs or {})})


def size_field(label, *, required=True, initial=5):
    return forms.IntegerField(label=label, min_value=SIZE_MIN, max_value=SIZE_MAX, required=required,
                              initial=initial, widget=RangeInput())


class SnapshotForm(forms.ModelForm):
    """The sizes (0-10 sliders) for this week, optionally as I'd like it, and notes for each circle."""

    title = forms.CharField(label=_("A few words for this picture (optional)"), required=False, max_length=200,
                            widget=forms.TextInput(attrs={"autocomplete": "off"}))
    with_wish = forms.BooleanField(label=_("Also picture how I'd like it to be"), required=False)

    class Meta:
        model = Snapshot
        fields = ["title"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for circle in Circle:
            self.fields[f"{circle.value}_now"] = size_field(circle.label)
            self.fields[f"{circle.value}_wish"] = size_field(circle.label, required=False)
            for kind, label in NOTE_KINDS:
                self.fields[f"{circle.value}_{kind}"] = forms.CharField(
                    label=label, required=False, max_length=NOTE_MAX_CHARS, strip=True,
                    widget=forms.Textarea(attrs={"rows": 2, "class": "circles-note"}),
                )

    def clean(self):
        data = super().clean()
        for circle in Circle:
            if data.get("with_wish"):
                if data.get(f"{circle.value}_wish") is None and f"{circle.value}_wish" not in self.errors:
                    self.add_error(f"{circle.value}_wish", _("Choose a size from 0 to 10, or untick “how I'd like it”."))
            else:
                data[f"{circle.value}_wish"] = None
        return data

    def sizes(self, which: str) -> dict[str, int | None]:
        return {circle.value: self.cleaned_data.get(f"{circle.value}_{which}") for circle in Circle}

    def circle_groups(self) -> list[dict]:
        """The form's fields grouped by circle, for the template."""
        return [
            {
                "circle": circle.value,
                "label": circle.label,
                "hint": CIRCLE_HINTS[circle],
                "now": self[f"{circle.value}_now"],
                "wish": self[f"{circle.value}_wish"],
                "notes": [self[f"{circle.value}_{kind}"] for kind, _label in NOTE_KINDS],
            }
            for circle in Circle
        ]

    def save(self, commit=True):
        snapshot = super().save(commit=False)
        for name in self.fields:
            if name not in ("title", "with_wish"):
                setattr(snapshot, name, self.cleaned_data[name])
        if commit:
            snapshot.save()
        return snapshot


class PreviewForm(forms.Form):
    """Only the sizes: what the live preview needs (nothing is stored)."""

    with_wish = forms.BooleanField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for circle in Circle:
            self.fields[f"{circle.value}_now"] = size_field(circle.label, required=False)
            self.fields[f"{circle.value}_wish"] = size_field(circle.label, required=False)

    def sizes(self, which: str) -> dict[str, int]:
        return {circle.value: self.cleaned_data.get(f"{circle.value}_{which}") if self.cleaned_data.get(f"{circle.value}_{which}") is not None else 5
                for circle in Circle}
