"""Run axe-core (pinned in package.json, installed by `npm ci`) in a Playwright page."""

from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

# WCAG 2.1 A and AA, plus axe's best practices (landmarks, one <h1>, headings in order).
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_violations(page, *, exclude: tuple[str, ...] = ()) -> list[str]:
    """One line per violation on the page as it is now: rule, impact and the first offending elements."""
    if not AXE.exists():
        raise RuntimeError(f"{AXE} is missing: run `npm ci` (scripts/install.sh does with WITH_BROWSER=1).")
    page.wait_for_load_state("networkidle")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """([tags, exclude]) => axe.run({exclude: exclude.map((selector) => [selector])},
                                         {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})""",
        [TAGS, list(exclude)],
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -> "
        + "; ".join(
            " ".join(node["target"]) + " " + node.get("failureSummary", "").replace("\n", " ")[:200]
            for node in violation["nodes"][:3]
        )
        for violation in result["violations"]
    ]
