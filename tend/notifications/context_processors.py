from tend.notifications import selectors


def unread_count(request) -> dict:
    """The header's unread badge: one COUNT over an indexed (recipient, read_at) filter."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unread_notifications": 0}
    return {"unread_notifications": selectors.unread_count(user)}
