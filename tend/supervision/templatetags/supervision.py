"""{% supervision_comments item %}: the supervision comments on an item, for its owner and their
supervisor, on the item's own page in another app. Shows nothing to anyone else."""

from django import template

from tend.core import access
from tend.supervision import selectors
from tend.supervision.items import kind_of, review_url

register = template.Library()


@register.inclusion_tag("supervision/_item_comments.html", takes_context=True)
def supervision_comments(context, item):
    user = context["request"].user
    is_owner = item.owner_id == user.pk
    may_review = not is_owner and access.shared_for_review(user, type(item).objects.filter(pk=item.pk)).exists()
    if not (is_owner or may_review):
        return {"show": False}
    kind = kind_of(item)
    comments = selectors.comments_on(kind.slug, item.pk)
    if is_owner and not comments:
        return {"show": False}
    return {"show": True, "is_owner": is_owner, "comments": comments, "review_url": review_url(kind.slug, item.pk)}
