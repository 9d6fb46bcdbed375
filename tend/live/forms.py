import zoneinfo
from datetime import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from tend.accounts.models import TIME_ZONE_CHOICES
from tend.live.models import LiveSession


def local_parts(moment: datetime, zone: str) -> tuple:
    local = moment.astimezone(zoneinfo.ZoneInfo(zone))
    return local.date(), local.time().replace(second=0, microsecond=0)


class LiveSessionForm(forms.ModelForm):
    """Takes a wall-clock date and times in a chosen zone (by default the trainer's own) and
    gives back `starts_at` / `ends_at` as aware datetimes, stored in UTC."""

    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    start_time = forms.TimeField(label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    end_time = forms.TimeField(label=_("Ends at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=TIME_ZONE_CHOICES)

    class Meta:
        model = LiveSession
        fields = ["title", "description", "meeting_url", "materials"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "materials": forms.Textarea(attrs={"rows": 4}),
            "meeting_url": forms.URLInput(),
        }
        help_texts = {
            "materials": _("Links and notes to prepare with. Markdown works: [reading](https://…)."),
            "meeting_url": _("The video-call link, starting with https://"),
        }

    field_order = ["title", "date", "start_time", "end_time", "time_zone", "description", "meeting_url", "materials"]

    def __init__(self, *args, default_time_zone: str = "Europe/London", **kwargs):
        super().__init__(*args, **kwargs)
        session = self.instance
        if session.pk:
            day, start = local_parts(session.starts_at, session.time_zone)
            _, end = local_parts(session.ends_at, session.time_zone)
            self.initial.update(date=day, start_time=start, end_time=end, time_zone=session.time_zone)
        else:
            self.initial.setdefault("time_zone", default_time_zone)

    def clean(self):
        cleaned = super().clean()
        day, start, end, zone = (cleaned.get(k) for k in ("date", "start_time", "end_time", "time_zone"))
        if day and start and end and zone:
            if end <= start:
                self.add_error("end_time", _("The end time must be after the start time."))
            else:
                tz = zoneinfo.ZoneInfo(zone)
                cleaned["starts_at"] = datetime.combine(day, start, tzinfo=tz)
                cleaned["ends_at"] = datetime.combine(day, end, tzinfo=tz)
        return cleaned


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = LiveSession
        fields = ["notes", "recording_url"]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 5}),
            "recording_url": forms.URLInput(),
        }
        help_texts = {
            "notes": _("What you covered and anything to follow up. Cohort members can read this. Markdown works."),
            "recording_url": _("The recording's link, starting with https://"),
        }


class AttendanceForm(forms.Form):
    """One present/absent choice per member, keyed by their user id."""

    CHOICES = [("present", _("Present")), ("absent", _("Absent"))]

    def __init__(self, *args, members, recorded: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = members
        for member in members:
            present = recorded.get(member.pk)
            self.fields[f"member_{member.pk}"] = forms.ChoiceField(
                label=member.display_name, choices=self.CHOICES, widget=forms.RadioSelect, required=False,
                initial=None if present is None else ("present" if present else "absent"),
            )

    def choices(self) -> dict[int, bool]:
        """user id -> present, for the members the trainer marked (unmarked ones are left alone)."""
        marked = {}
        for member in self.members:
            value = self.cleaned_data.get(f"member_{member.pk}")
            if value:
                marked[member.pk] = value == "present"
        return marked

    def rows(self):
        return [(member, self[f"member_{member.pk}"]) for member in self.members]
