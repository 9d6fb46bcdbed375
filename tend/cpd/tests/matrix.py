"""The CPD ledger's URLs in the permission matrix: a person's own record, nobody else's."""

from datetime import date
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tend.core import autosave

from tend.core.tests.policy_table import (
    LOGIN, NOT_ALLOWED, NOT_FOUND, OK, Case, _admin_model, expect, owner_only, require_post, signed_in,
)

PRIVATE_TEXT = ("zqcpdtitle", "zqcpdreflection", "zqcpdconflict")
SAMPLE_EVIDENCE = "cpd/evidence/matrix-sample.pdf"


def samples(p) -> dict:
    from tend.cpd.models import CpdCategory, EvidenceType, ExternalActivity

    category = CpdCategory.objects.get(key="formal_learning")
    activity = ExternalActivity(owner=p.trainee, title="Workshop zqcpdtitle", date=date.today(), hours=Decimal("3"),
                                category=category, reflection="Private zqcpdreflection",
                                evidence_type=EvidenceType.PDF, evidence_size=9)
    # One fixed file, written once: the matrix rebuilds its samples for every URL.
    if not default_storage.exists(SAMPLE_EVIDENCE):
        default_storage.save(SAMPLE_EVIDENCE, ContentFile(b"%PDF-1.4\n"))
    activity.evidence.name = SAMPLE_EVIDENCE
    activity.save()
    # Two tabs based on version 1: the first saves, the second's text becomes a conflict copy.
    autosave.save_version(activity, base_version=1, save_id="tab-one", values={"reflection": "Again zqcpdreflection"})
    conflict = autosave.save_version(activity, base_version=1, save_id="tab-two",
                                     values={"reflection": "Other tab zqcpdconflict"}).conflict
    activity.refresh_from_db()
    return {"cpd_activity": activity, "cpd_category": CpdCategory.objects.get(key="practice"),
            "cpd_conflict": conflict}


def _autosave_data(s):
    a = s.cpd_activity
    return {"base_version": a.version, "save_id": "matrix", "title": a.title, "date": a.date.isoformat(),
            "hours": "3", "category": a.category_id, "reflection": "Autosaved zqcpdreflection"}


def _activity(s):
    return {"pk": s.cpd_activity.pk}


# A GET-only view about an owned item: POST answers 405 before anyone's ownership is checked.
_own_download = expect(
    anonymous=LOGIN, trainee=(OK, NOT_ALLOWED), cohort_peer=(NOT_FOUND, NOT_ALLOWED),
    other_trainee=(NOT_FOUND, NOT_ALLOWED), supervisor=(NOT_FOUND, NOT_ALLOWED),
    other_supervisor=(NOT_FOUND, NOT_ALLOWED), trainer=(NOT_FOUND, NOT_ALLOWED), admin=(NOT_FOUND, NOT_ALLOWED),
)

POLICY = {
    # Everyone signed in has a CPD record of their own (an empty POST is an invalid form: 400).
    "cpd:ledger": signed_in(post=NOT_ALLOWED),
    "cpd:add": signed_in(post="400"),
    "cpd:export_csv": signed_in(post=NOT_ALLOWED),
    "cpd:export_pdf": signed_in(post=NOT_ALLOWED),
    "cpd:edit": Case(owner_only(post="400"), kwargs=_activity),
    "cpd:delete": Case(require_post(owner_only()), kwargs=_activity),
    "cpd:autosave": Case(require_post(owner_only()), kwargs=_activity, data=_autosave_data),
    "cpd:conflict": Case(owner_only(), kwargs=lambda s: {"pk": s.cpd_activity.pk, "conflict_pk": s.cpd_conflict.pk},
                         data=lambda s: {"keep": "saved"}),
    "cpd:evidence": Case(_own_download, kwargs=_activity),
    # The organisation's categories: staff only, in the Django admin.
    **_admin_model("cpd", "cpdcategory", "cpd_category"),
}

OWNED_OBJECT_URLS = {"cpd:edit", "cpd:delete", "cpd:evidence", "cpd:autosave", "cpd:conflict"}
