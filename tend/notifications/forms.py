from django import forms
from django.utils.translation import gettext_lazy as _

from tend.notifications.models import EmailDigest


class PreferenceForm(forms.Form):
    email_digest = forms.ChoiceField(
        label=_("Email me about new notifications"),
        choices=EmailDigest.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how often we should email you."),
            "invalid_choice": _("Choose one of the options: straight away, daily, weekly or never."),
        },
    )
