from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tend.journal.models import JournalEntry


class JournalEntryForm(forms.ModelForm):
    """The fields an autosave or a plain save sends, with the version the text was based on."""

    base_version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    save_id = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput)
    visibility = forms.ChoiceField(label=_("Who can see this entry"), choices=JournalEntry.SHARE_CHOICES)
    # Writing is kept exactly as typed, including leading spaces and trailing newlines.
    body = forms.CharField(
        label=_("Entry"), required=False, strip=False, widget=forms.Textarea(attrs={"rows": 16, "spellcheck": "true"}),
        help_text=_("Markdown works here: *emphasis*, **strong**, lists and headings."),
    )

    class Meta:
        model = JournalEntry
        fields = ["title", "entry_date", "body", "tags", "visibility"]
        widgets = {
            "title": forms.TextInput(attrs={"autocomplete": "off"}),
            "entry_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "tags": forms.TextInput(attrs={"autocomplete": "off"}),
        }

    def clean_body(self):
        # Browsers send "\r\n" from a form post and "\n" from script; keep one form of line break.
        body = self.cleaned_data["body"].replace("\r\n", "\n")
        if len(body) > settings.TEND_AUTOSAVE_MAX_CHARS:
            raise forms.ValidationError(
                _("This entry is longer than %(max)s characters. Please split it into two entries; nothing has been removed.")
                % {"max": f"{settings.TEND_AUTOSAVE_MAX_CHARS:,}"}
            )
        return body

    def clean_title(self):
        title = self.cleaned_data["title"]
        if len(title) > 200:
            raise forms.ValidationError(_("Please keep the title under 200 characters."))
        return title

    def saved_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}
