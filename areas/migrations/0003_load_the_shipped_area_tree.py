"""Every install starts with the shipped area tree (areas/data/): registration offers communes, district
administrators can be given a district and reports have rows without a further command.

The loader upserts by (code, start date) and never deletes, so this changes nothing where the tree was
already loaded (by `load_areas` or the demo loader). Undoing it is a no-op: records may point at the areas.
Another province then loads its own files with `manage.py load_areas --units … --successions …`
(areas/data/README.md).
"""

from django.db import migrations


def load_shipped_tree(apps, schema_editor):
    from areas.loader import load_area_tree

    load_area_tree(area_model=apps.get_model("areas", "Area"))


class Migration(migrations.Migration):
    dependencies = [("areas", "0002_content_types_from_trainers")]

    operations = [migrations.RunPython(load_shipped_tree, migrations.RunPython.noop)]
