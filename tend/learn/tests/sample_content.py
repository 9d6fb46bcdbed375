"""A small, valid curriculum written into a temporary folder, for tests to load or break."""

from pathlib import Path

GLOSSARY = """\
terms:
  - id: threat-system
    term: Threat system
    definition: The system that notices danger and prepares us to protect ourselves.
  - id: soothing-system
    term: Soothing system
    definition: The system linked with safeness, rest and connection.
"""

MODULE = """\
id: {slug}
title: {title}
summary: A short summary of {title}.
estimated_hours: 2
cpd_hours: 2.5
learning_objectives:
  - Explain the first idea
  - Apply the second idea
prerequisites: {prerequisites}
lessons:
  - 01-first.md
  - 02-second.md
references:
  - key: gilbert2014
    citation: "Gilbert, P. (2014). The origins and nature of compassion focused therapy. British Journal of Clinical Psychology, 53(1), 6–41."
    doi: "10.1111/bjc.12043"
practice_assignments:
  - id: notice-a-day
    title: Notice compassion in a day
    practice: diary
    description: Note three moments of compassion today.
"""

LESSON = """\
---
id: {slug}
title: {title}
estimated_minutes: 10
objectives:
  - Understand {title}
---
## Opening

The [[threat-system|threat system]] evolved to protect us [^gilbert2014]. Soothing matters too.

:::note A gentle note
Compassion is **not** softness.
:::

:::try Try this
Breathe slowly for a minute.
:::

| System | Feeling |
|---|---|
| Threat | Anxiety |

![Three overlapping circles](figures/circles.svg "The three circles")
"""

CHECK = """\
pass_mark: 50
questions:
  - id: q-threat
    type: single
    prompt: |
      A client says their mind races before meetings. Which system is most active?
    revisit: {first}
    options:
      - id: a
        text: Threat
        correct: true
        explanation: Racing thoughts before a feared event fit threat activation.
      - id: b
        text: Drive
        correct: false
        explanation: Drive is about pursuit and reward.
      - id: c
        text: Soothing
        correct: false
        explanation: Soothing brings calm, not racing.
  - id: q-soothing
    type: multiple
    prompt: |
      Which of these are linked with the soothing system?
    revisit: {second}
    options:
      - id: a
        text: Feeling safe with others
        correct: true
        explanation: Affiliation and safeness belong to soothing.
      - id: b
        text: Contentment
        correct: true
        explanation: A quiet contentment is typical of soothing.
      - id: c
        text: Winning a race
        correct: false
        explanation: That is drive.
      - id: d
        text: Fear of rejection
        correct: false
        explanation: That is threat.
"""

REFLECTIONS = """\
prompts:
  - id: why-here
    title: Why you are here
    prompt: |
      What draws you to compassion-focused work? This stays private unless you share it.
"""

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Circles</title><circle cx="5" cy="5" r="4"/></svg>'


def write_module(root: Path, number: int, slug: str, title: str, prerequisites: str = "[]") -> Path:
    folder = root / "curriculum" / f"{number:02d}-{slug}"
    (folder / "figures").mkdir(parents=True)
    (folder / "module.yaml").write_text(MODULE.format(slug=slug, title=title, prerequisites=prerequisites))
    first, second = f"{slug}-first", f"{slug}-second"
    (folder / "01-first.md").write_text(LESSON.format(slug=first, title=f"{title}, part one"))
    (folder / "02-second.md").write_text(LESSON.format(slug=second, title=f"{title}, part two"))
    (folder / "knowledge_check.yaml").write_text(CHECK.format(first=first, second=second))
    (folder / "reflections.yaml").write_text(REFLECTIONS)
    (folder / "figures" / "circles.svg").write_text(SVG)
    return folder


def write_curriculum(root: Path, modules: int = 2) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "glossary.yaml").write_text(GLOSSARY)
    for number in range(1, modules + 1):
        write_module(root, number, f"module-{number}", f"Module {number}")
    return root
