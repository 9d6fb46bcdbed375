from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tend.drills.models import Difficulty, DrillAttempt


class ReplyForm(forms.ModelForm):
    base_version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    save_id = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput)
    reply = forms.CharField(label=_("Your reply to the client"), required=False, strip=False,
                            widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "true"}))

    class Meta:
        model = DrillAttempt
        fields = ["reply"]

    def clean_reply(self):
        reply = self.cleaned_data["reply"].replace("\r\n", "\n")
        if len(reply) > settings.TEND_AUTOSAVE_MAX_CHARS:
            raise forms.ValidationError(_("This reply is longer than %(max)s characters; please shorten it to save.")
                                        % {"max": f"{settings.TEND_AUTOSAVE_MAX_CHARS:,}"})
        return reply

    def saved_values(self) -> dict:
        return {"reply": self.cleaned_data["reply"]}


class RatingForm(forms.ModelForm):
    difficulty = forms.ChoiceField(label=_("How was this drill for you?"), choices=Difficulty.choices, widget=forms.RadioSelect)
    reaction_strength = forms.IntegerField(label=_("How strong was your own reaction to the client (0 none – 10 very strong)?"),
                                           min_value=0, max_value=10, required=False,
                                           widget=forms.NumberInput(attrs={"min": 0, "max": 10}))

    class Meta:
        model = DrillAttempt
        fields = ["difficulty", "reaction_strength"]
