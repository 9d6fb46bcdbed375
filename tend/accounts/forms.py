from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from tend.accounts.models import User


class ProfileForm(forms.ModelForm):
    language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)

    class Meta:
        model = User
        fields = ["display_name", "professional_role", "registration_body", "registration_number", "time_zone", "language"]
        help_texts = {
            "display_name": _("How other people in your cohorts see you."),
            "registration_body": _("Optional, for CPD records: for example HCPC, BACP, BABCP, UKCP."),
        }


class JoinForm(forms.Form):
    """Creates an account for someone accepting an invitation (their email is already known)."""

    display_name = forms.CharField(label=_("Your name as others will see it"), max_length=80)
    password1 = forms.CharField(label=_("Choose a password"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    password2 = forms.CharField(label=_("Type the password again"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def __init__(self, *args, email: str, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)
        self.fields["password1"].help_text = _("At least 12 characters. A few unrelated words work well.")

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are different."))
        if first:
            candidate = User(email=self.email, display_name=cleaned.get("display_name", ""))
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
