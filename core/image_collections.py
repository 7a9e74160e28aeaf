"""The image collections that keep people's pictures apart from lesson material.

Wagtail lets a group with `change` on a collection edit every image in it, and a group with only
`add` edit the images it uploaded. Trainers therefore add and choose in the lesson collection only
(and edit their own uploads there); trainer photos and project pictures live in collections
trainers have no permission on. Created by migration trainers 0010_image_collections; who may do
what in each is declared with the roles, in `lms/roles.py`.
"""

from wagtail.models import Collection

LESSONS = "Ảnh bài học"
TRAINER_PHOTOS = "Ảnh hồ sơ giảng viên"
PROJECTS = "Ảnh dự án"


def image_collection(name: str) -> Collection:
    """The collection of that name below the root (made again, without permissions, if it was deleted)."""
    collection = Collection.objects.filter(name=name, depth=2).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=name)
    return collection
