from django.template.loader import render_to_string

from tend.coaching import panel

CLIENT = "I messed up again. I'm such a failure."


def test_a_kind_reply_reads_well_in_words_and_flags_nothing():
    built = panel.build("response", CLIENT, "That sounds painful, and it makes sense it stings. What happened?")
    assert not built.flags and built.feedback.overall >= 2.5
    html = render_to_string("coaching/_panel.html", {"panel": built})
    assert "automated feedback to discuss with your supervisor" in html and "One thing to try" in html


def test_flagged_sentences_are_named_and_highlighted_safely():
    text = "Honestly, you brought this on yourself. <b>Next time</b> prepare properly."
    built = panel.build("response", CLIENT, text)
    labels = [label for label, _ in built.flags]
    assert "Sounds judgemental" in labels
    assert "<mark>Honestly, you brought this on yourself.</mark>" in built.highlighted
    assert "<b>" not in built.highlighted and "&lt;b&gt;" in built.highlighted


def test_a_letter_with_should_pressure():
    built = panel.build("letter", "", "Dear me, you should have done better. No excuses.")
    assert "'Should' pressure" in [label for label, _ in built.flags]
    assert len(built.dimension_words) == 5
