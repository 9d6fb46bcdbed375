from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tend.core.models import Visibility
from tend.exercises.models import Answer, Exercise


class ExerciseForm(forms.ModelForm):
    class Meta:
        model = Exercise
        fields = ["title", "prompt", "due_on", "is_open"]
        widgets = {
            "title": forms.TextInput(attrs={"autocomplete": "off"}),
            "prompt": forms.Textarea(attrs={"rows": 8}),
            "due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "prompt": _("What the cohort reads. Plain paragraphs; a blank line starts a new one."),
            "due_on": _("Optional. It appears in the cohort's schedule."),
            "is_open": _("Untick to close the exercise: answers can still be read but no longer changed."),
        }
        error_messages = {
            "title": {"required": _("Please give the exercise a title.")},
            "prompt": {"required": _("Please write the prompt people will answer.")},
        }


class AnswerForm(forms.ModelForm):
    base_version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    save_id = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput)
    body = forms.CharField(label=_("Your answer"), required=False, strip=False,
                           widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "true"}))
    visibility = forms.ChoiceField(label=_("Who can see your answer"), choices=Answer.SHARE_CHOICES, widget=forms.RadioSelect,
                                   initial=Visibility.PRIVATE)

    class Meta:
        model = Answer
        fields = ["body", "visibility"]

    def __init__(self, *args, exercise: Exercise, **kwargs):
        super().__init__(*args, **kwargs)
        self.exercise = exercise

    def clean_body(self):
        body = self.cleaned_data["body"].replace("\r\n", "\n")
        if len(body) > settings.TEND_AUTOSAVE_MAX_CHARS:
            raise forms.ValidationError(_("This answer is longer than %(max)s characters. Nothing has been removed; please shorten it to save.")
                                        % {"max": f"{settings.TEND_AUTOSAVE_MAX_CHARS:,}"})
        return body

    def saved_values(self) -> dict:
        shared = self.cleaned_data["visibility"] == Visibility.COHORT
        return {
            "body": self.cleaned_data["body"],
            "has_text": bool(self.cleaned_data["body"].strip()),
            "visibility": self.cleaned_data["visibility"],
            "shared_cohort": self.exercise.cohort if shared else None,
        }
