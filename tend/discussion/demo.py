"""Demo data: a general thread with two posts and one module thread for the demo cohort. Idempotent."""

from tend.discussion import rendering
from tend.discussion.models import Post, Thread

TITLE = "What helps you settle before a session?"
POSTS = [
    ("trainee@example.com", "I've started doing one minute of soothing rhythm breathing in the car before I go in. "
                            "It doesn't always work, but I notice I speak more slowly afterwards. What do others do?"),
    ("trainee2@example.com", "Thanks for starting this, @Alex Rivera. I put a hand on my chest and remind myself "
                             "that I don't have to fix everything in one session. Writing that down helps."),
]


def load(people, cohort) -> None:
    from tend.learn.models import Module

    thread, created = Thread.objects.get_or_create(
        cohort=cohort, module=None, title=TITLE, defaults={"started_by": people["trainee@example.com"]}
    )
    if created:
        names = [p.display_name for p in people.values()]
        for email, body in POSTS:
            author = people[email]
            mentioned = [n for n in names if f"@{n}" in body]
            Post.objects.create(thread=thread, author=author, body=body, body_html=rendering.render(body, mentioned))
    module = Module.objects.live().order_by("number").first()
    if module is not None:  # the curriculum may not be loaded yet
        Thread.objects.get_or_create(cohort=cohort, module=module, defaults={"title": module.title})
