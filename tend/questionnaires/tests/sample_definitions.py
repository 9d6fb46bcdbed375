"""Two small definitions in the measures format, written for tests: a licensed instrument
without wording (a burnout score with a 'high' band and a norm) and a check-in with wording."""

from pathlib import Path

LICENSED = """
id: fatigue-test
name: Fatigue test scale
version: "2"
kind: licensed
validated: true
citation: {author: Test author, year: 2020}
licence: Test licence.
attribution: Fatigue test scale, used for tests.
scale: {min: 1, max: 5, labels: {1: Never, 2: Rarely, 3: Sometimes, 4: Often, 5: Very often}}
items:
  - {number: 1, subscale: burnout}
  - {number: 2, subscale: burnout}
  - {number: 3, subscale: satisfaction}
  - {number: 4, subscale: satisfaction}
scores:
  - {id: burnout, label: Burnout, rule: sum, items: [1, 2], higher_is_better: false}
  - {id: satisfaction, label: Satisfaction, rule: sum, items: [3, 4], higher_is_better: true}
missing: null
norms:
  - {id: test-norm, score: burnout, population: test, mean: 5, sd: 2, reliability: 0.8, reliability_type: alpha, source: test}
cutoffs:
  - {score: burnout, value: 8, label: high, direction: above, system: test bands, source: test}
"""

CHECKIN = """
id: pulse-test
name: Pulse test check-in
version: "1"
kind: checkin
validated: false
label: Reflective check-in, not a validated measure
licence: Ours.
attribution: Written for Tend.
scale: {min: 0, max: 4, labels: {0: Not at all, 1: A little, 2: Somewhat, 3: Quite a lot, 4: Very much}}
items:
  - {number: 1, text: "How stretched have you felt this week?"}
  - {number: 2, text: "How tired have you felt after work?"}
  - {number: 3, text: "How hard has it been to switch off?"}
scores:
  - {id: strain, label: Strain, rule: sum, items: [1, 2, 3], higher_is_better: false}
missing: null
cutoffs:
  - {score: strain, value: 9, label: "Strain is running high: a good moment to pause.", direction: above, system: tend-pulse-alert, source: Tend}
"""


def write(folder: Path) -> Path:
    measures = folder / "measures"
    measures.mkdir(parents=True, exist_ok=True)
    (measures / "fatigue-test.yaml").write_text(LICENSED)
    (measures / "pulse-test.yaml").write_text(CHECKIN)
    return folder
