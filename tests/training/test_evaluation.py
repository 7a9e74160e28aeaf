"""Pre-test, post-test and evaluation: learners answer once on their phones, trainers type paper scores,
and learning gain and satisfaction add up by hand, on screen, in the exports, for the province and a district.

The hand-counted fixture (scores out of 100, ratings content/trainer/usefulness):
    s1 Duy Hòa (Duy Xuyên) 2024-05-06, led by T1: a pre 40 post 80 (5,4,5); b pre 60 post 70 (3,4,4); c pre 50 only
    s2 Xã Thu Bồn (today's unit, counts for Duy Xuyên) 2025-08-01, led by T1 and T2: d pre 20 post 60 (4,4,4)
    s3 Hội An 2024-09-10, led by T2: e pre 70 post 75 (2,3,2); f post 90 only
Duy Xuyên: 3 pairs, 40 → 70, gain 30; 3 evaluations: 4, 4, 4.33; satisfaction (14 + 11 + 12)/9 = 4.11.
Hội An: 1 pair, 70 → 75, gain 5; 1 evaluation: satisfaction 7/3 = 2.33.
All: 4 pairs, 47.5 → 71.25, gain 23.75; 4 evaluations: 3.5, 3.75, 3.75; satisfaction 44/12 = 3.67.
T1 (s1, s2): gain 30, satisfaction 4.11. T2 (s2, s3): pairs d and e, 45 → 67.5, gain 22.5; satisfaction 19/6 = 3.17.
"""

import csv
import datetime
import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from reports.figures import ReportFilters
from reports.learning_gain import learning_gain_by_area
from tests.areas.reform import reform_tree
from tests.trainers.factories import (
    ParticipantFactory,
    TrainerFactory,
    TrainingSessionFactory,
    UserFactory,
    district_admin,
    province_admin,
)
from trainers.models import Trainer
from training.models import Evaluation, SessionTest, TestResult, TrainingSession
from training.rollcall import day_code_for, learning_results

pytestmark = pytest.mark.django_db
D = datetime.date
URL = "/admin/reports/learning-gain/"


def _scores(participant, pre=None, post=None):
    for kind, score in ((SessionTest.PRE, pre), (SessionTest.POST, post)):
        if score is not None:
            TestResult.objects.create(participant=participant, kind=kind, score=Decimal(score), source=TestResult.PAPER)


def _evaluate(participant, content, trainer, usefulness, comment=""):
    Evaluation.objects.create(
        participant=participant, content=content, trainer=trainer, usefulness=usefulness, comment=comment
    )


@pytest.fixture
def programme():
    a = reform_tree()
    dx, ha, duy_hoa, thu_bon = a["Duy Xuyên"], a["Hội An"], a["Duy Hòa"], a["Xã Thu Bồn"]
    t1 = TrainerFactory(home_area=dx, person__full_name="Trainer One")
    t2 = TrainerFactory(home_area=ha, person__full_name="Trainer Two")
    s1 = TrainingSessionFactory(title="Lớp Duy Hòa", area=duy_hoa, starts_on=D(2024, 5, 6), ends_on=D(2024, 5, 8))
    s2 = TrainingSessionFactory(title="Lớp Thu Bồn", area=thu_bon, starts_on=D(2025, 8, 1), ends_on=D(2025, 8, 2))
    s3 = TrainingSessionFactory(title="Lớp Hội An", area=ha, starts_on=D(2024, 9, 10), ends_on=D(2024, 9, 11))
    s1.trainers.add(t1)
    s2.trainers.add(t1, t2)
    s3.trainers.add(t2)
    people = {}
    for session, names in ((s1, "abc"), (s2, "d"), (s3, "ef")):
        for name in names:
            people[name] = ParticipantFactory(session=session, person=UserFactory(full_name=f"Learner {name.upper()}"))
    _scores(people["a"], 40, 80)
    _scores(people["b"], 60, 70)
    _scores(people["c"], pre=50)
    _scores(people["d"], 20, 60)
    _scores(people["e"], 70, 75)
    _scores(people["f"], post=90)
    _evaluate(people["a"], 5, 4, 5, comment="Secret remark by A")
    _evaluate(people["b"], 3, 4, 4)
    _evaluate(people["d"], 4, 4, 4)
    _evaluate(people["e"], 2, 3, 2)
    return {
        "areas": a,
        "dx": dx,
        "ha": ha,
        "t1": t1,
        "t2": t2,
        "sessions": (s1, s2, s3),
        "people": people,
        "province_admin": province_admin(a["province"]),
        "district_admin": district_admin(dx),
    }


# --- The one function, by hand --------------------------------------------------------------------


def test_learning_gain_and_satisfaction_equal_a_hand_count(programme):
    everything = learning_results(TrainingSession.objects.all())[None]
    assert everything.pairs == 4
    assert (everything.pre_mean, everything.post_mean, everything.gain) == (47.5, 71.25, 23.75)
    assert everything.evaluations == 4
    assert [everything.rating(n) for n in ("content", "trainer", "usefulness")] == [3.5, 3.75, 3.75]
    assert everything.satisfaction == 3.67

    by_trainer = learning_results(TrainingSession.objects.all(), by="trainer")
    t1, t2 = by_trainer[programme["t1"].pk], by_trainer[programme["t2"].pk]
    assert (t1.pairs, t1.gain, t1.evaluations, t1.satisfaction) == (3, 30.0, 3, 4.11)
    assert (t2.pairs, t2.pre_mean, t2.post_mean, t2.gain, t2.satisfaction) == (2, 45.0, 67.5, 22.5, 3.17)

    by_area = learning_gain_by_area(ReportFilters(), programme["province_admin"])
    rows = {row[0]: row for row in by_area.rows}
    assert rows["Duy Xuyên"][1:] == [2, 3, 40.0, 70.0, 30.0, 3, 4.0, 4.0, 4.33, 4.11]
    assert rows["Hội An"][1:] == [1, 1, 70.0, 75.0, 5.0, 1, 2.0, 3.0, 2.0, 2.33]
    assert rows[by_area.rows[-1][0]][1:] == [3, 4, 47.5, 71.25, 23.75, 4, 3.5, 3.75, 3.75, 3.67]


# --- The report: screen, exports, province and district --------------------------------------------


def _screen_tables(html: str) -> dict[str, list[list[str]]]:
    """{report key: rows of cell texts} from the page's tables."""
    tables = {}
    for key, body in re.findall(r'data-report="(\w+)">.*?<tbody>(.*?)</tbody>', html, re.S):
        rows = []
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
            cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
            rows.append([re.sub(r"\s+", " ", c).strip().replace(",", ".").replace("—", "") for c in cells])
        tables[key] = rows
    return tables


def _number(text: str) -> str:
    """A figure as the CSV writes it: 30.0 → "30.0"; the screen writes "30" or "30.0" depending on locale."""
    try:
        return f"{float(text):g}"
    except ValueError:
        return text


@pytest.mark.parametrize("key", ["gain_by_area", "gain_by_trainer"])
def test_exports_hold_the_figures_on_screen(client, programme, key):
    client.force_login(programme["province_admin"])
    page = client.get(URL)
    assert page.status_code == 200
    screen = _screen_tables(page.content.decode())[key]

    response = client.get(reverse("learning_gain:export", args=[key, "csv"]))
    assert response.status_code == 200
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    report = next(s["report"] for s in page.context["sections"] if s["report"].key == key)
    body = lines[lines.index([str(h) for h in report.headings]) + 1 :]
    assert [[_number(c) for c in r] for r in body] == [[_number(c) for c in r] for r in screen]

    response = client.get(reverse("learning_gain:export", args=[key, "xlsx"]))
    values = [
        list(r) for r in load_workbook(io.BytesIO(response.content), read_only=True).active.iter_rows(values_only=True)
    ]
    start = next(
        i for i, r in enumerate(values) if list(r[: len(report.headings)]) == [str(h) for h in report.headings]
    )
    xlsx_body = [[_number("" if v is None else str(v)) for v in r[: len(report.headings)]] for r in values[start + 1 :]]
    assert xlsx_body == [[_number(c) for c in r] for r in screen]


def test_district_view_agrees_with_the_province_view(client, programme):
    client.force_login(programme["province_admin"])
    province = _screen_tables(client.get(URL).content.decode())["gain_by_area"]
    client.force_login(programme["district_admin"])
    page = client.get(URL)
    assert page.status_code == 200
    district = _screen_tables(page.content.decode())["gain_by_area"]

    duy_xuyen = next(r for r in province if r[0] == "Duy Xuyên")
    assert [r[0] for r in district] == ["Duy Xuyên", district[-1][0]]  # their district, then the total
    assert district[0] == duy_xuyen
    assert district[-1][1:] == duy_xuyen[1:]  # the district's total is the district
    assert "Hội An" not in page.content.decode()

    # By trainer, the district sees the Duy Xuyên sessions only: T2 counts just for s2 (d).
    trainers = {r[0]: r for r in _screen_tables(page.content.decode())["gain_by_trainer"]}
    assert trainers["Trainer Two"][1:3] == ["1", "1"]
    assert _number(trainers["Trainer Two"][5]) == "40"


def test_learners_and_trainers_cannot_open_the_report(client, programme, learner):
    client.force_login(learner)
    assert client.get(URL).status_code in (302, 403)
    client.force_login(programme["t1"].person)
    assert client.get(URL).status_code in (302, 403)
    assert client.get(reverse("learning_gain:export", args=["gain_by_area", "csv"])).status_code in (302, 403)


def test_trainer_sees_aggregates_of_their_classes_never_who_said_what(client, programme):
    client.force_login(programme["t1"].person)
    page = client.get(reverse("rollcall:index"))
    body = page.content.decode()
    assert page.status_code == 200
    s1, s2, s3 = programme["sessions"]
    assert s1.title in body and s2.title in body and s3.title not in body
    assert "Secret remark" not in body
    assert "Learner A" not in body
    results = dict((s.pk, r) for s, r in page.context["rows"])
    assert results[s1.pk].gain == 25.0  # a and b: (80 + 70 − 40 − 60) / 2
    assert results[s1.pk].satisfaction == 4.17  # (14 + 11) / 6


# --- Learners answer on their phones ------------------------------------------------------------------


QUESTIONS = """Khởi nghiệp đổi mới sáng tạo là gì?
- Mở một cửa hàng
* Doanh nghiệp mới dựa trên đổi mới sáng tạo

OCOP là gì?
* Mỗi xã một sản phẩm
- Mỗi công ty một đối tác
- Không biết"""


@pytest.fixture
def today_session(trainer):
    a = reform_tree()
    today = timezone.localdate()
    session = TrainingSessionFactory(area=a["Duy Hòa"], starts_on=today, ends_on=today)
    session.trainers.add(Trainer.objects.create(person=trainer, home_area=a["Duy Xuyên"]))
    return session


def test_trainer_writes_a_test_and_a_learner_answers_it_once(client, today_session, trainer, learner):
    client.force_login(trainer)
    bad = client.post(
        reverse("rollcall:test_edit", args=[today_session.pk, "pre"]), {"questions": "Câu hỏi?\n- A\n- B"}
    )
    assert "chưa có đáp án đúng" in bad.content.decode()  # "has no right answer"
    client.post(reverse("rollcall:test_edit", args=[today_session.pk, "pre"]), {"questions": QUESTIONS})
    test = SessionTest.objects.get(session=today_session, kind="pre")
    assert [q["answer"] for q in test.questions] == [1, 0]

    code = day_code_for(today_session, timezone.localdate())
    answer_url = reverse("rollcall:answer_test", args=[today_session.pk, code.code, "pre"])
    client.force_login(learner)
    not_yet = client.get(answer_url)
    assert not_yet.status_code == 302  # check in first
    assert not TestResult.objects.exists()

    client.post(reverse("rollcall:check_in", args=[today_session.pk, code.code]))
    assert client.get(answer_url).status_code == 200
    unanswered = client.post(answer_url, {"q0": "1"})
    assert "Hãy chọn một đáp án" in unanswered.content.decode()
    client.post(answer_url, {"q0": "1", "q1": "2"})
    client.post(answer_url, {"q0": "1", "q1": "0"})  # a second try is refused
    result = TestResult.objects.get()
    assert (result.kind, result.score, result.source) == ("pre", Decimal("50.0"), TestResult.ONLINE)


def test_learner_evaluates_once_and_ratings_are_checked(client, today_session, learner):
    code = day_code_for(today_session, timezone.localdate())
    url = reverse("rollcall:evaluate", args=[today_session.pk, code.code])
    client.force_login(learner)
    assert client.get(url).status_code == 302  # not checked in
    client.post(reverse("rollcall:check_in", args=[today_session.pk, code.code]))
    bad = client.post(url, {"content": "6", "trainer": "4", "usefulness": "4"})
    assert bad.status_code == 200 and not Evaluation.objects.exists()
    client.post(url, {"content": "5", "trainer": "4", "usefulness": "3", "comment": "Hay"})
    client.post(url, {"content": "1", "trainer": "1", "usefulness": "1"})
    evaluation = Evaluation.objects.get()
    assert (evaluation.content, evaluation.trainer, evaluation.usefulness) == (5, 4, 3)


def test_trainer_types_paper_scores(client, today_session, trainer):
    first, second = (
        ParticipantFactory(session=today_session, person=UserFactory(full_name=n)) for n in ("Giấy Một", "Giấy Hai")
    )
    client.force_login(trainer)
    url = reverse("rollcall:paper_scores", args=[today_session.pk])
    page = client.get(url)
    assert "Giấy Một" in page.content.decode()
    form = {f"pre_{first.pk}": "40", f"post_{first.pk}": "85,5", f"pre_{second.pk}": "", f"post_{second.pk}": "70"}
    client.post(url, form)
    client.post(url, form)  # posted twice: nothing changes
    assert TestResult.objects.count() == 3
    assert TestResult.objects.get(participant=first, kind="post").score == Decimal("85.5")
    bad = client.post(url, {**form, f"pre_{second.pk}": "120"})
    assert bad.status_code == 200
    assert TestResult.objects.count() == 3
    results = learning_results(TrainingSession.objects.filter(pk=today_session.pk))[None]
    assert (results.pairs, results.gain) == (1, 45.5)


def test_demo_has_roll_call_tests_and_evaluations_for_the_trainer(shared_demo, client):
    from django.core.management import call_command

    call_command("load_demo_data")  # idempotent
    duy_hoa = TrainingSession.objects.get(title="Tập huấn khởi nghiệp cho đoàn viên thanh niên xã Duy Hòa")
    assert SessionTest.objects.filter(session=duy_hoa).count() == 2
    results = learning_results(TrainingSession.objects.filter(pk=duy_hoa.pk))[None]
    # learner 50→100, lan 25→75, phuc 50→75, my 25→50, yen 50→100 (hoa has only a pre-test)
    assert (results.pairs, results.gain) == (5, 40.0)
    assert results.evaluations == 5
    client.force_login(duy_hoa.trainers.get().person)
    page = client.get(reverse("rollcall:index"))
    assert duy_hoa.title in page.content.decode()
    assert "Mong có thêm thời gian thực hành" not in page.content.decode()  # no comment, no name
