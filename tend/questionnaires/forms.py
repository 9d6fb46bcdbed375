from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tend.questionnaires import catalogue
from tend.questionnaires.models import MeasureSchedule, Occasion, SelfCarePlan


class ConsentForm(forms.Form):
    share_scores = forms.TypedChoiceField(
        label=_("Your scores in cohort summaries and research exports"),
        choices=[("no", _("Keep my scores to myself (the default)")),
                 ("yes", _("Let my scores count, without my name, in cohort summaries of five or more people and in research exports"))],
        coerce=lambda value: value == "yes", widget=forms.RadioSelect,
    )


class RotateKeyForm(forms.Form):
    understood = forms.BooleanField(
        label=_("I understand that research ids in earlier exports will no longer match those in new exports"),
        error_messages={"required": _("Please tick the box to confirm you understand that earlier exports will no "
                                      "longer match. The key has not been changed.")},
    )


class ScheduleForm(forms.ModelForm):
    definition_id = forms.ChoiceField(label=_("Measure"))

    class Meta:
        model = MeasureSchedule
        fields = ["definition_id", "occasion", "opens_on", "until", "send_reminders"]
        widgets = {"opens_on": forms.DateInput(attrs={"type": "date"}), "until": forms.DateInput(attrs={"type": "date"}),
                   "occasion": forms.RadioSelect}

    def __init__(self, *args, offers: dict[str, catalogue.Offer], **kwargs):
        super().__init__(*args, **kwargs)
        self.offers = offers
        self.fields["occasion"].choices = Occasion.choices  # radios: no empty "select an option" choice
        self.fields["definition_id"].choices = [(key, offer.definition.name) for key, offer in offers.items()]

    def clean_definition_id(self):
        offer = self.offers.get(self.cleaned_data["definition_id"])
        if offer is None or not offer.is_available:
            raise forms.ValidationError(offer.reason if offer else _("Please choose a measure from the list."))
        return offer.definition.id

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("occasion") == Occasion.WEEKLY and cleaned.get("until") and cleaned.get("opens_on") \
                and cleaned["until"] < cleaned["opens_on"]:
            self.add_error("until", _("The last week must be on or after the first."))
        return cleaned


class PlanForm(forms.ModelForm):
    base_version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    save_id = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput)
    visibility = forms.ChoiceField(label=_("Who can see this plan"), choices=SelfCarePlan.SHARE_CHOICES)

    class Meta:
        model = SelfCarePlan
        fields = [*SelfCarePlan.FIELDS, "visibility"]
        widgets = {name: forms.Textarea(attrs={"rows": 4, "spellcheck": "true"}) for name in SelfCarePlan.FIELDS}

    def clean(self):
        cleaned = super().clean()
        for name in SelfCarePlan.FIELDS:
            text = (cleaned.get(name) or "").replace("\r\n", "\n")
            if len(text) > settings.TEND_AUTOSAVE_MAX_CHARS:
                self.add_error(name, _("This is longer than %(max)s characters. Nothing has been removed; please shorten it to save.")
                               % {"max": f"{settings.TEND_AUTOSAVE_MAX_CHARS:,}"})
            cleaned[name] = text
        return cleaned

    def saved_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in [*SelfCarePlan.FIELDS, "visibility"]}
