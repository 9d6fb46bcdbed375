from tend.safety import selectors
from tend.safety.services import SESSION_KEY


def support(request):
    """Support the writer should see now (set when their own writing was screened); shown once."""
    session = getattr(request, "session", None)
    level = session.pop(SESSION_KEY, None) if session is not None and getattr(request, "user", None) and request.user.is_authenticated else None
    if not level:
        return {"support_level": None}
    return {"support_level": level, "support_contacts": selectors.active_contacts()}
