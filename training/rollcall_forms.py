"""Forms of the roll-call: a code typed by a learner, the tick list, a latecomer, tests, paper scores, evaluation."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.phones import normalise_phone
from areas.models import Area
from trainers.models import Profile

from .models import RATING_FIELDS, Evaluation, SessionTest, clean_day_code
from .models.rollcall import CODE_LENGTH


class DayCodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Check-in code"),
        max_length=20,
        help_text=gettext_lazy("The code on the trainer's screen, e.g. ABCDE-FGHJK."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )

    def clean_code(self):
        code = clean_day_code(self.cleaned_data["code"])
        if len(code) != CODE_LENGTH:
            raise forms.ValidationError(_("A check-in code has 10 letters and digits."), code="length")
        return code


class TickForm(forms.Form):
    """The posted tick list: names ticked, names the form showed, and which of them it showed as present."""

    present = forms.TypedMultipleChoiceField(coerce=int, required=False)
    shown = forms.TypedMultipleChoiceField(coerce=int, required=False)
    shown_present = forms.TypedMultipleChoiceField(coerce=int, required=False)

    def __init__(self, *args, participant_ids: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("present", "shown", "shown_present"):
            self.fields[name].choices = [(pk, pk) for pk in participant_ids]


class LatecomerForm(forms.Form):
    full_name = forms.CharField(label=gettext_lazy("Full name"), max_length=150)
    phone = forms.CharField(
        label=gettext_lazy("Phone number"), max_length=20, widget=forms.TextInput(attrs={"type": "tel"})
    )
    gender = forms.ChoiceField(label=gettext_lazy("Gender"), choices=Profile.GENDERS, widget=forms.RadioSelect)
    birth_year = forms.IntegerField(
        label=gettext_lazy("Year of birth"), widget=forms.NumberInput(attrs={"inputmode": "numeric"})
    )
    commune = forms.TypedChoiceField(label=gettext_lazy("Commune"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, communes: list[Area], **kwargs):
        super().__init__(*args, **kwargs)
        self.communes = {a.pk: a for a in communes}
        self.fields["commune"].choices = [("", "—")] + [(a.pk, a.name) for a in communes]
        self.fields["commune"].required = bool(communes)

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise forms.ValidationError(_("Enter the person's name."), code="required")
        return name

    def clean_phone(self):
        phone = normalise_phone(self.cleaned_data["phone"])
        if phone is None:
            raise forms.ValidationError(_("Enter a valid Vietnamese phone number."), code="phone")
        return phone

    def clean_birth_year(self):
        year = self.cleaned_data["birth_year"]
        if not 1900 <= year <= timezone.localdate().year:
            raise forms.ValidationError(_("%(value)s is not a plausible year of birth."), params={"value": year})
        return year

    def clean_commune(self):
        pk = self.cleaned_data.get("commune")
        return self.communes.get(pk) if pk is not None else None


def parse_questions(text: str) -> list[dict]:
    """Questions typed as blocks: the question on its first line, then one choice a line; "*" marks the right one.

    ValueError with a translated message when a block is not a question.
    """
    questions = []
    blocks = [b for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    for number, block in enumerate(blocks, start=1):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        question, choices, answer = lines[0], [], None
        for line in lines[1:]:
            right = line.startswith("*")
            choice = line.lstrip("*-+• ").strip()
            if not choice:
                continue
            if right:
                if answer is not None:
                    raise ValueError(_("Question %(number)s has more than one right answer.") % {"number": number})
                answer = len(choices)
            choices.append(choice)
        if len(choices) < 2:
            raise ValueError(_("Question %(number)s needs at least two choices.") % {"number": number})
        if answer is None:
            raise ValueError(_("Question %(number)s has no right answer: start it with *.") % {"number": number})
        questions.append({"text": question, "choices": choices, "answer": answer})
    return questions


def questions_text(questions: list[dict]) -> str:
    """The stored questions back as the text the trainer typed."""
    blocks = []
    for q in questions:
        lines = [q["text"]] + [("* " if i == q["answer"] else "- ") + c for i, c in enumerate(q["choices"])]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


class TestQuestionsForm(forms.Form):
    __test__ = False

    questions = forms.CharField(
        label=gettext_lazy("Questions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=gettext_lazy(
            "One question per block, blocks separated by an empty line: the question on the first line, then "
            "one choice per line, the right one starting with *. Leave empty to have no test."
        ),
    )

    def clean_questions(self):
        try:
            return parse_questions(self.cleaned_data["questions"])
        except ValueError as error:
            raise forms.ValidationError(str(error), code="questions") from None


class AnswerForm(forms.Form):
    """One radio group per question of a test."""

    def __init__(self, *args, test: SessionTest, **kwargs):
        super().__init__(*args, **kwargs)
        for number, question in enumerate(test.questions):
            self.fields[f"q{number}"] = forms.TypedChoiceField(
                label=f"{number + 1}. {question['text']}",
                choices=list(enumerate(question["choices"])),
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer.")},
            )

    def answers(self) -> list[int]:
        return [self.cleaned_data[name] for name in self.fields]


RATING_CHOICES = [(n, str(n)) for n in range(1, 6)]


class EvaluationForm(forms.ModelForm):
    class Meta:
        model = Evaluation
        fields = [*RATING_FIELDS, "comment"]
        labels = {
            "content": gettext_lazy("How good was the content? (1 = poor, 5 = very good)"),
            "trainer": gettext_lazy("How good was the trainer? (1 = poor, 5 = very good)"),
            "usefulness": gettext_lazy("How useful is it for you? (1 = not at all, 5 = very)"),
            "comment": gettext_lazy("Comment (optional)"),
        }
        widgets = {
            **{name: forms.RadioSelect(choices=RATING_CHOICES) for name in RATING_FIELDS},
            "comment": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in RATING_FIELDS:
            self.fields[name] = forms.TypedChoiceField(
                label=self.fields[name].label,
                choices=RATING_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a rating from 1 to 5.")},
            )


class ScoreField(forms.DecimalField):
    """A score as people type it on a Vietnamese phone: "85,5" and "85.5" are the same."""

    def to_python(self, value):
        return super().to_python(str(value).strip().replace(",", ".") if value is not None else value)


class PaperScoresForm(forms.Form):
    """A score box per participant for the pre-test and the post-test (0–100); an empty box changes nothing."""

    def __init__(self, *args, rows: list[tuple[int, str, Decimal | None, Decimal | None]], **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for participant_id, name, pre, post in rows:
            fields = []
            for kind, value, label in ((SessionTest.PRE, pre, _("Pre-test")), (SessionTest.POST, post, _("Post-test"))):
                key = f"{kind}_{participant_id}"
                self.fields[key] = ScoreField(
                    label=f"{label}: {name}",
                    required=False,
                    min_value=0,
                    max_value=100,
                    decimal_places=1,
                    initial=value,
                    widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 5, "autocomplete": "off"}),
                )
                fields.append(self[key])
            self.rows.append((name, *fields))

    def scores(self) -> dict[tuple[int, str], Decimal | None]:
        result = {}
        for key, value in self.cleaned_data.items():
            kind, pk = key.split("_")
            result[(int(pk), kind)] = value
        return result
