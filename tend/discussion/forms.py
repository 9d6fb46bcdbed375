from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

MAX_POST_CHARS = 20_000
MARKDOWN_HELP = _("You can use Markdown: **bold**, *italic*, lists and links. Mention someone in the cohort with @ and their name, e.g. @Sam Okafor.")


def _clean_body(value: str) -> str:
    body = value.replace("\r\n", "\n")
    if not body.strip():
        raise forms.ValidationError(_("Please write something before posting."))
    if len(body) > MAX_POST_CHARS:
        raise forms.ValidationError(
            _("This post is %(length)s characters long; the most a post can hold is %(max)s. Nothing has been removed: please shorten it or split it into two posts.")
            % {"length": f"{len(body):,}", "max": f"{MAX_POST_CHARS:,}"}
        )
    return body


class PostForm(forms.Form):
    body = forms.CharField(label=_("Your reply"), required=False, strip=False, help_text=MARKDOWN_HELP,
                           widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "true"}))

    def clean_body(self):
        return _clean_body(self.cleaned_data["body"])


class EditPostForm(PostForm):
    body = forms.CharField(label=_("Your post"), required=False, strip=False, help_text=MARKDOWN_HELP,
                           widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "true"}))


class ThreadForm(PostForm):
    title = forms.CharField(label=_("Title"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "off"}),
                            error_messages={"required": _("Please give the thread a title."),
                                            "max_length": _("Please keep the title under %(limit_value)d characters.")})
    body = forms.CharField(label=_("Your first post"), required=False, strip=False, help_text=MARKDOWN_HELP,
                           widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "true"}))

    field_order = ["title", "body"]


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What would you like the trainer to look at?"), max_length=2000,
        help_text=_("Only the cohort's trainers see this. The person who wrote the post is not told who reported it."),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Please say briefly what concerns you, so the trainer knows what to look for."),
                        "max_length": _("Please keep this under %(limit_value)d characters.")},
    )


class DraftForm(forms.Form):
    """One autosave of the reply box or the new-thread form. Drafts may be longer than a post (the
    post form says so on publishing): nothing typed is refused here but what autosave cannot hold."""

    base_version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    save_id = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput)
    title = forms.CharField(required=False, max_length=200, strip=False,
                            error_messages={"max_length": _("Please keep the title under %(limit_value)d characters.")})
    body = forms.CharField(required=False, strip=False)

    def __init__(self, *args, with_title: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.with_title = with_title

    def clean_body(self):
        body = self.cleaned_data["body"].replace("\r\n", "\n")
        if len(body) > settings.TEND_AUTOSAVE_MAX_CHARS:
            raise forms.ValidationError(_("This draft is longer than %(max)s characters. Nothing has been removed; please shorten it to save.")
                                        % {"max": f"{settings.TEND_AUTOSAVE_MAX_CHARS:,}"})
        return body

    def saved_values(self) -> dict:
        values = {"body": self.cleaned_data["body"]}
        if self.with_title:
            values["title"] = self.cleaned_data["title"]
        return values
