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


class CriteriaForm(forms.Form):
    """The mastery self-check: which criteria the trainee judges their reply met."""

    criteria = forms.MultipleChoiceField(label=_("Which of these did your reply do?"), required=False,
                                         widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, criteria: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criteria"].choices = [(str(i), text) for i, text in enumerate(criteria)]


class ShareForm(forms.Form):
    visibility = forms.ChoiceField(label=_("Who can see and review this reply"), widget=forms.RadioSelect,
                                   choices=[("private", _("Only me")), ("supervisor", _("My supervisor")),
                                            ("cohort", _("My cohort (peers, supervisors and trainers)"))])
    anonymous = forms.BooleanField(label=_("Hide my name from my cohort (my supervisor still sees it)"), required=False)
    label_consent = forms.BooleanField(
        label=_("Reviewers' ratings of this reply may be kept, without my name, to check and improve Tend's automatic feedback"),
        required=False,
    )

    def __init__(self, *args, has_cohort: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not has_cohort:
            self.fields["visibility"].choices = self.fields["visibility"].choices[:2]


class ReviewForm(forms.Form):
    overall = forms.TypedChoiceField(
        label=_("Overall, how compassionate and skilful is this reply?"), coerce=int, widget=forms.RadioSelect,
        choices=[(0, _("0 — harsh: could hurt more than help")), (1, _("1 — mostly not yet compassionate")),
                 (2, _("2 — mixed")), (3, _("3 — good, one element to add")), (4, _("4 — excellent"))],
    )
    flags = forms.MultipleChoiceField(label=_("Anything that works against it?"), required=False,
                                      widget=forms.CheckboxSelectMultiple)
    comment = forms.CharField(label=_("Comment for the writer"), required=False, max_length=5000,
                              widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, **kwargs):
        from tend.drills.reviews import flag_choices

        super().__init__(*args, **kwargs)
        self.fields["flags"].choices = flag_choices()


class DiaryForm(forms.ModelForm):
    base_version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    save_id = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput)
    learned = forms.CharField(label=_("What did you learn from this week's practice?"), required=False, strip=False,
                              max_length=20_000, widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "true"}))

    class Meta:
        from tend.drills.models import PracticeWeek

        model = PracticeWeek
        fields = ["learned"]

    def saved_values(self) -> dict:
        return {"learned": self.cleaned_data["learned"].replace("\r\n", "\n")}
