from django import forms
from django.utils.translation import gettext_lazy as _

from tend.learn.models import CohortCurriculum, ModuleRelease


class CohortCurriculumForm(forms.ModelForm):
    class Meta:
        model = CohortCurriculum
        fields = ["mode"]
        widgets = {"mode": forms.RadioSelect}


class ModuleReleaseForm(forms.ModelForm):
    class Meta:
        model = ModuleRelease
        fields = ["opens_on", "due_on"]
        widgets = {"opens_on": forms.DateInput(attrs={"type": "date"}), "due_on": forms.DateInput(attrs={"type": "date"})}

    def clean(self):
        cleaned = super().clean()
        opens, due = cleaned.get("opens_on"), cleaned.get("due_on")
        if opens and due and due < opens:
            self.add_error("due_on", _("The due date must be on or after the opening date."))
        return cleaned
