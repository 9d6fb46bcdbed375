from django import forms
from django.utils.translation import gettext_lazy as _

from tend.certificates.credentials import MAX_PASTED_CHARS


class PasteForm(forms.Form):
    credential = forms.CharField(
        label=_("Credential"), max_length=MAX_PASTED_CHARS,
        help_text=_("Paste the contents of the .jwt file (a long line of letters and dots)."),
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false", "autocomplete": "off"}),
        error_messages={
            "required": _("Please paste a credential to check."),
            "max_length": _("That is longer than any credential we issue (%(limit_value)d characters at most)."),
        },
    )
