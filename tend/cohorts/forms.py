from django import forms
from django.utils.translation import gettext_lazy as _

from tend.cohorts.models import Announcement, Cohort, CohortRole, Invitation


class CohortForm(forms.ModelForm):
    class Meta:
        model = Cohort
        fields = ["name", "description", "starts_on", "ends_on"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The end date must be on or after the start date."))
        return cleaned


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "role"]

    def __init__(self, *args, cohort, **kwargs):
        self.cohort = cohort
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if self.cohort.memberships.filter(user__email__iexact=email).exists():
            raise forms.ValidationError(_("This person is already a member of the cohort."))
        return email


class SupervisorAssignmentForm(forms.Form):
    trainee = forms.ModelChoiceField(queryset=None, label=_("Trainee"))
    supervisor = forms.ModelChoiceField(queryset=None, label=_("Supervisor"), required=False, empty_label=_("No supervisor"))

    def __init__(self, *args, cohort, **kwargs):
        super().__init__(*args, **kwargs)
        from tend.accounts.models import User

        self.fields["trainee"].queryset = User.objects.filter(
            memberships__cohort=cohort, memberships__role=CohortRole.TRAINEE
        )
        self.fields["supervisor"].queryset = User.objects.filter(
            memberships__cohort=cohort, memberships__role=CohortRole.SUPERVISOR
        )


class AnnouncementForm(forms.ModelForm):
    class Meta:
        model = Announcement
        fields = ["title", "body", "pinned"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}
