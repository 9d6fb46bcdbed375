from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tend.letters.models import QUALITIES, Letter


class LetterForm(forms.ModelForm):
    base_version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    save_id = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput)
    visibility = forms.ChoiceField(label=_("Who can see this letter"), choices=Letter.SHARE_CHOICES)
    body = forms.CharField(label=_("Your letter"), required=False, strip=False,
                           widget=forms.Textarea(attrs={"rows": 16, "spellcheck": "true"}))
    checklist = forms.MultipleChoiceField(label=_("Reading it back, does your letter show…"), choices=QUALITIES,
                                          required=False, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Letter
        fields = ["title", "perspective", "body", "checklist", "visibility"]
        widgets = {"title": forms.TextInput(attrs={"autocomplete": "off"}), "perspective": forms.RadioSelect}

    def clean_body(self):
        body = self.cleaned_data["body"].replace("\r\n", "\n")
        if len(body) > settings.TEND_AUTOSAVE_MAX_CHARS:
            raise forms.ValidationError(_("This letter is longer than %(max)s characters. Nothing has been removed; please shorten it to save.")
                                        % {"max": f"{settings.TEND_AUTOSAVE_MAX_CHARS:,}"})
        return body

    def saved_values(self) -> dict:
        values = {name: self.cleaned_data[name] for name in ["title", "perspective", "body", "visibility"]}
        values["checklist"] = list(self.cleaned_data["checklist"])
        return values
