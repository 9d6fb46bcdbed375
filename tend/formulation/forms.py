from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tend.formulation.models import CASE_LABEL_MAX, TEXT_FIELDS, Formulation, Subject

# Shown as help text under each area, so the prompt stays visible while the person writes.
PROMPTS = {
    "influences": _("e.g. early relationships, criticism or rejection, loss, what was missing, wider context"),
    "threats_external": _("What I fear others might do or think: reject, criticise, leave, hurt…"),
    "threats_internal": _("What I fear finding or feeling in myself: being flawed, overwhelmed, alone…"),
    "safety_external": _("How I try to stay safe with others: pleasing, avoiding, keeping distance…"),
    "safety_internal": _("How I deal with myself: self-criticism, rumination, suppressing feelings…"),
    "consequences_external": _("What these strategies cost with others, without my meaning it to"),
    "consequences_internal": _("What they cost inside: more self-criticism, more fear…"),
    "makes_sense": _("It makes sense that…"),
}


class FormulationForm(forms.ModelForm):
    base_version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    save_id = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput)
    subject = forms.ChoiceField(label=_("Who is this formulation about?"), choices=Subject.choices, widget=forms.RadioSelect)
    case_label = forms.CharField(label=_("A short label for the case"), required=False, max_length=CASE_LABEL_MAX,
                                 help_text=_("For a vignette only. Never a real client's name or anything that could identify them."),
                                 widget=forms.TextInput(attrs={"autocomplete": "off"}))
    visibility = forms.ChoiceField(label=_("Who can see this formulation"), choices=Formulation.SHARE_CHOICES)

    class Meta:
        model = Formulation
        fields = ["subject", "case_label", *TEXT_FIELDS, "visibility"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in TEXT_FIELDS:
            field = forms.CharField(label=self._meta.model._meta.get_field(name).verbose_name, required=False, strip=False,
                                    help_text=PROMPTS[name], widget=forms.Textarea(attrs={"rows": 5, "spellcheck": "true"}))
            self.fields[name] = field

    def _clean_text(self, name: str) -> str:
        text = self.cleaned_data[name].replace("\r\n", "\n")
        if len(text) > settings.TEND_AUTOSAVE_MAX_CHARS:
            raise forms.ValidationError(_("This area is longer than %(max)s characters. Nothing has been removed; please shorten it to save.")
                                        % {"max": f"{settings.TEND_AUTOSAVE_MAX_CHARS:,}"})
        return text

    def clean(self):
        cleaned = super().clean()
        for name in TEXT_FIELDS:
            if name in cleaned:
                try:
                    cleaned[name] = self._clean_text(name)
                except forms.ValidationError as error:
                    self.add_error(name, error)
        if "case_label" in cleaned:
            cleaned["case_label"] = cleaned["case_label"].strip()
        return cleaned

    def saved_values(self) -> dict:
        """Every field the editor holds, so a stale tab's whole formulation is kept as a conflict copy."""
        return {name: self.cleaned_data[name] for name in ["subject", "case_label", *TEXT_FIELDS, "visibility"]}
