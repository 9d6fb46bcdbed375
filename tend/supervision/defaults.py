"""The starting text of a supervision agreement, written by the Tend team; the supervisor edits it."""

from django.utils.translation import gettext as _


def agreement_text() -> dict:
    return {
        "expectations": _(
            "We both come prepared. The supervisee brings examples of their work, including what felt hard or "
            "uncertain, and shares items on Tend they would like feedback on. The supervisor offers honest, kind "
            "feedback and helps plan next steps. Either of us can say when something is not working for us."
        ),
        "confidentiality": _(
            "What we discuss stays between us, with two exceptions we would talk about first where we can: a risk "
            "of serious harm to someone, and what the training organisation needs to know to assess progress. "
            "Client details are kept to the minimum needed and never include names."
        ),
        "frequency": _(
            "We meet every two weeks for about an hour, and agree any change together. If one of us needs to "
            "cancel, we let the other know as early as we can and find another time."
        ),
    }
