from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def unwrap(text: str):
    """Joins lines wrapped in the content file; a blank line still starts a new line on the page."""
    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    paragraphs = [" ".join(part.split()) for part in str(text).split("\n\n") if part.strip()]
    return mark_safe("<br><br>".join(escape(p) for p in paragraphs))
