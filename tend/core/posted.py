"""Reading what a browser posted to a JSON endpoint: a JSON object or an ordinary form."""

import json

from django.http import JsonResponse


def invalid(errors: dict) -> JsonResponse:
    return JsonResponse({"status": "invalid", "errors": errors}, status=400)


def form_errors(form) -> JsonResponse:
    return invalid({name: [str(e) for e in errs] for name, errs in form.errors.items()})


def posted_data(request):
    """(data, None), or (None, a 400 answer saying why). JSON true/false become form checkbox values."""
    if request.content_type != "application/json":
        return request.POST, None
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return None, invalid({"__all__": ["The request was not valid JSON."]})
    if not isinstance(data, dict):
        return None, invalid({"__all__": ["Expected a JSON object."]})
    return {key: ("on" if value is True else "" if value is False else value) for key, value in data.items()}, None
