"""Give every stored quiz answer choice a stable id, in live pages and in all their revisions.

The demo loader stored choices without ids; Wagtail then invented new ones on every read, so
the id a learner submitted never matched the one scored and every quiz scored 0 %.
"""

import json

from django.db import migrations

from courses.blocks import choice_with_id


def _with_ids(stream: list) -> tuple[list, bool]:
    changed = False
    for block in stream:
        if block.get("type") != "question" or not isinstance(block.get("value"), dict):
            continue
        choices = block["value"].get("choices") or []
        fixed = [choice_with_id(position, choice) for position, choice in enumerate(choices)]
        if fixed != choices:
            block["value"]["choices"] = fixed
            changed = True
    return stream, changed


def give_choices_ids(apps, schema_editor):
    QuizPage = apps.get_model("courses", "QuizPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")

    for quiz in QuizPage.objects.all():
        stream, changed = _with_ids(list(quiz.questions.raw_data))
        if changed:
            quiz.questions = stream
            quiz.save(update_fields=["questions"])

    quiz_type = ContentType.objects.filter(app_label="courses", model="quizpage").first()
    if quiz_type is None:
        return
    for revision in Revision.objects.filter(content_type=quiz_type).iterator():
        raw = revision.content.get("questions")
        # A revision keeps a StreamField as its JSON text.
        stream = json.loads(raw) if isinstance(raw, str) else raw
        if not isinstance(stream, list):
            continue
        stream, changed = _with_ids(stream)
        if changed:
            revision.content["questions"] = json.dumps(stream) if isinstance(raw, str) else stream
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0004_quiz_choices_keep_ids"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(give_choices_ids, migrations.RunPython.noop)]
