"""Two lineage edits racing cannot close a loop, on PostgreSQL where transactions really run side by side."""

import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from trainers.models import Trainer
from trainers.services import trainer_lineage_set

from .factories import TrainerFactory, areas

pytestmark = [
    # serialized_rollback: the flush after each test must not lose the data migrations made (home page, groups).
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs two PostgreSQL connections at once"),
]


def test_two_edits_that_would_each_close_half_a_loop_cannot_both_succeed(monkeypatch):
    """A sets Minh under Hà while B sets Hà under Minh: each alone is fine, both make a loop.

    Each edit is slowed after its own check, so without the lineage lock both checks would pass on what
    was committed before either wrote.
    """
    tree = areas()
    huong = TrainerFactory(home_area=tree["Tam Kỳ"], person__full_name="Võ Thị Mai Hương")
    minh = TrainerFactory(
        home_area=tree["Duy Xuyên"], trained_by=huong, generation=2, person__full_name="Trần Văn Minh"
    )
    ha = TrainerFactory(home_area=tree["Hội An"], person__full_name="Nguyễn Thu Hà")
    checked = threading.Barrier(2, timeout=3)
    real = Trainer.validate_trained_by

    def slow_check(self, trained_by):
        real(self, trained_by)
        try:
            checked.wait()  # both threads past their check at once: only possible without the lock
        except threading.BrokenBarrierError:
            pass
        time.sleep(0.2)

    monkeypatch.setattr(Trainer, "validate_trained_by", slow_check)
    start = threading.Barrier(2)
    outcomes: dict[str, object] = {}

    def run(name, trainer, trained_by):
        try:
            start.wait()
            trainer_lineage_set(trainer=trainer, trained_by=trained_by, by=None)
            outcomes[name] = "saved"
        except Exception as error:  # noqa: BLE001  (asserted below)
            outcomes[name] = error
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=run, args=("minh under ha", minh, ha)),
        threading.Thread(target=run, args=("ha under minh", ha, minh)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    saved = [name for name, outcome in outcomes.items() if outcome == "saved"]
    refused = [outcome for outcome in outcomes.values() if isinstance(outcome, ValidationError)]
    assert len(saved) == 1 and len(refused) == 1, outcomes
    assert "trained_by" in refused[0].message_dict
    assert checked.broken  # the second check ran only once the first edit had committed
    # A tree: walking up from everyone ends at the province, and the generations count the steps.
    for trainer in Trainer.objects.all():
        steps, current = 1, trainer
        while current.trained_by_id:
            current, steps = Trainer.objects.get(pk=current.trained_by_id), steps + 1
            assert steps < 10
        assert trainer.generation == steps, trainer
