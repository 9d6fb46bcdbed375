"""The worked example to compare with: written by us about an invented client. Nobody real."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class WorkedExample:
    case_label: str
    influences: str
    threats_external: str
    threats_internal: str
    safety_external: str
    safety_internal: str
    consequences_external: str
    consequences_internal: str
    makes_sense: str

    @property
    def display_title(self) -> str:
        return str(_("Worked example: %(label)s") % {"label": self.case_label})


def worked_example() -> WorkedExample:
    return WorkedExample(
        case_label=str(_("“Alex”, an invented client")),
        influences=str(_(
            "Grew up with a father whose moods were hard to predict and who made fun of mistakes. Mother was loving but "
            "often unwell and not available. Moved school twice and was teased for being quiet.\n"
            "Learned early that being noticed could mean being criticised, and that there was nobody steady to turn to."
        )),
        threats_external=str(_(
            "Others will find me lacking and turn away. If I get something wrong at work, colleagues will see me as "
            "incompetent. People I let close will leave in the end."
        )),
        threats_internal=str(_(
            "Being overwhelmed by anxiety and shame. That the ‘real me’ is weak or stupid. Feeling completely alone with it, "
            "as in childhood."
        )),
        safety_external=str(_(
            "Over-preparing late into the night; saying yes to every request; staying quiet in meetings; keeping friends at "
            "arm's length; checking emails for signs of disapproval."
        )),
        safety_internal=str(_(
            "Harsh self-criticism ‘to keep my standards up’; going over conversations again and again; pushing feelings "
            "away and keeping busy."
        )),
        consequences_external=str(_(
            "Exhausted and short-tempered at home. Colleagues never get to know Alex, so there is little support. "
            "Friendships stay shallow. The workload keeps growing."
        )),
        consequences_internal=str(_(
            "Never finds out that mistakes can be survived. The self-criticism confirms the feeling of not being good enough. "
            "Going over things keeps the threat system running and sleep suffers. All of this makes the fear of being found "
            "lacking stronger."
        )),
        makes_sense=str(_(
            "It makes sense that Alex works so hard to avoid criticism: as a child, being noticed often meant being mocked, "
            "and there was nobody steady to turn to. The over-preparing and the self-criticism were ways of staying safe, "
            "not signs of weakness. They have costs Alex never chose, and that is not Alex's fault. Now Alex can take "
            "responsibility for finding kinder ways to feel safe."
        )),
    )
