"""The CPD ledger's URLs in the permission matrix: a person's own record, nobody else's."""

from datetime import date
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tend.core.tests.policy_table import (
    LOGIN, NOT_ALLOWED, NOT_FOUND, OK, Case, _admin_model, expect, owner_only, require_post, signed_in,
)

PRIVATE_TEXT = ("zqcpdtitle", "zqcpdreflection")
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
    return {"cpd_activity": activity, "cpd_category": CpdCategory.objects.get(key="practice")}


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
    "cpd:evidence": Case(_own_download, kwargs=_activity),
    # The organisation's categories: staff only, in the Django admin.
    **_admin_model("cpd", "cpdcategory", "cpd_category"),
}

OWNED_OBJECT_URLS = {"cpd:edit", "cpd:delete", "cpd:evidence"}
