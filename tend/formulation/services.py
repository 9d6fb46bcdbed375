from django.utils import timezone

from tend.formulation.models import TEXT_FIELDS, Formulation, FormulationVersion


def formulation_create(*, owner, subject: str = "myself") -> Formulation:
    return Formulation.objects.create(owner=owner, subject=subject)


def snapshot(formulation: Formulation, *, force: bool = False) -> FormulationVersion | None:
    """Keeps a version when asked, or when the last one is older than Formulation.SNAPSHOT_EVERY."""
    formulation.refresh_from_db()
    last = formulation.versions.order_by("-created_at").first()
    if last and last.version == formulation.version:
        return None
    if not force and last and timezone.now() - last.created_at < Formulation.SNAPSHOT_EVERY:
        return None
    if not formulation.has_text():
        return None
    return FormulationVersion.objects.create(
        formulation=formulation, version=formulation.version, subject=formulation.subject, case_label=formulation.case_label,
        **{name: getattr(formulation, name) for name in TEXT_FIELDS},
    )
