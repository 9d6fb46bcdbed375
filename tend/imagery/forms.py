from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

# Extension -> (content type served back, a check of the file's first bytes).
AUDIO_TYPES = {
    "mp3": ("audio/mpeg", lambda head: head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)),
    "ogg": ("audio/ogg", lambda head: head.startswith(b"OggS")),
    "oga": ("audio/ogg", lambda head: head.startswith(b"OggS")),
    "m4a": ("audio/mp4", lambda head: head[4:8] == b"ftyp"),
    "wav": ("audio/wav", lambda head: head.startswith(b"RIFF") and head[8:12] == b"WAVE"),
}
DEFAULT_MAX_BYTES = 30 * 1024 * 1024


def max_upload_bytes() -> int:
    return getattr(settings, "TEND_IMAGERY_MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES)


class RecordingForm(forms.Form):
    file = forms.FileField(
        label=_("Your recording"),
        help_text=_("MP3, Ogg, M4A or WAV, up to 30 MB. Everyone signed in to Tend can play it."),
        widget=forms.ClearableFileInput(attrs={"accept": ".mp3,.ogg,.oga,.m4a,.wav,audio/*"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name or ""
        extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if extension not in AUDIO_TYPES:
            raise forms.ValidationError(
                _("“%(name)s” is not a supported audio file. Please upload an MP3, Ogg, M4A or WAV file."),
                code="type", params={"name": name},
            )
        limit = max_upload_bytes()
        if upload.size > limit:
            raise forms.ValidationError(
                _("This file is %(size)s; recordings can be at most %(limit)s."),
                code="size", params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            )
        content_type, looks_right = AUDIO_TYPES[extension]
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        if not looks_right(head):
            raise forms.ValidationError(
                _("“%(name)s” does not look like a %(kind)s audio file. Please check the file and try again."),
                code="content", params={"name": name, "kind": extension.upper()},
            )
        self.cleaned_data["content_type"] = content_type
        return upload
