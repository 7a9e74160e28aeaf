"""Two administrators issue a class's certificates at once: each certificate is issued once (PostgreSQL row locks;
skipped on SQLite)."""

import pytest
from django.db import connection

from trainers.models import Certificate, CertificateCounter
from training.certificates import session_certificates_issue
from training.models import SessionCertificate, SessionParticipant

from ..trainers.factories import ParticipantFactory, TrainingSessionFactory, UserFactory, areas, attend, district_admin
from ..trainers.test_concurrency import _in_threads

pytestmark = [
    # No serialized_rollback: restoring the migrations' rows after the transactional migration tests before it
    # (tests/training/test_moved_here.py) would collide with the content types their flush made again.
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks"),
]


def test_two_racing_batches_issue_each_certificate_once():
    from lms.roles import roles_apply

    roles_apply()  # the roles' grants, whatever the flush before this transactional test left
    tree = areas()
    session = TrainingSessionFactory(area=tree["Duy Xuyên"])
    for _ in range(6):
        attend(ParticipantFactory(session=session, person=UserFactory(), result=SessionParticipant.PASSED))
    admins = [district_admin(tree["Duy Xuyên"], email=f"admin{i}@example.org") for i in range(2)]
    issued = [None, None]

    def issue(i):
        issued[i] = session_certificates_issue(session=session, by=admins[i])

    _in_threads(2, issue)
    assert sorted(len(batch) for batch in issued) == [0, 6]  # one batch issued all, the other found them issued
    assert Certificate.objects.filter(kind=Certificate.SESSION).count() == 6
    assert SessionCertificate.objects.filter(session=session).count() == 6
    assert CertificateCounter.objects.get().last == 6  # no number taken and thrown away
