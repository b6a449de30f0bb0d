"""What a command did, said in a sentence or two: imports of entries and of contacts, a
merge of two contacts; and doctor's findings as a table with a verdict."""

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text

from wederkerig.core.i18n import _, ngettext
from wederkerig.render import cells

if TYPE_CHECKING:
    from wederkerig.usecases.import_contacts import ContactImportReport
    from wederkerig.usecases.import_entries import ImportReport
    from wederkerig.usecases.merging import Merge


def _some(names: Iterable[str], shown: int = 5) -> str:
    """A few names and how many more: a summary stays one line for a million rows."""
    names = list(names)
    listed = ", ".join(f"'{name}'" for name in names[:shown])
    if len(names) <= shown:
        return listed
    return _("{names} and {count} more").format(names=listed, count=cells.count(len(names) - shown))


def import_summary(report: "ImportReport") -> str:
    """What an import did, or would do, in one or two sentences."""
    added = ngettext("{count} entry", "{count} entries", report.added).format(
        count=cells.count(report.added)
    )
    rows = ngettext("{count} row", "{count} rows", report.rows).format(
        count=cells.count(report.rows)
    )
    first = (
        _("Would add {entries} of {rows}; {skipped} already in the ledger")
        if report.dry_run
        else _("Added {entries} of {rows}; {skipped} already in the ledger")
    )
    parts = [first.format(entries=added, rows=rows, skipped=cells.count(report.skipped))]
    if report.refused:
        unknown = _some(report.unknown_contacts)
        parts.append(
            _("{count} refused for unknown contacts ({names})").format(
                count=cells.count(report.refused), names=unknown
            )
        )
    if report.new_contacts:
        parts.append(_("new contacts: {names}").format(names=_some(report.new_contacts)))
    if report.new_events:
        parts.append(_("new events: {names}").format(names=_some(report.new_events)))
    if report.new_groups:
        parts.append(_("new groups: {names}").format(names=_some(report.new_groups)))
    if report.unlinked:
        parts.append(
            _(
                "{count} 'answers' links left out (the ledger already had entries, "
                "so the ids they point at changed)"
            ).format(count=cells.count(report.unlinked))
        )
    if report.introductions:
        parts.append(
            ngettext(
                "{count} introduction linked again",
                "{count} introductions linked again",
                report.introductions,
            ).format(count=cells.count(report.introductions))
        )
    suffix = " " + _("(dry run: nothing was written)") if report.dry_run else ""
    return "; ".join(parts) + "." + suffix


def contact_import_summary(report: "ContactImportReport") -> str:
    added, merged = len(report.added), cells.count(len(report.merged))
    if report.dry_run:
        parts = [
            ngettext("Would add {count} contact", "Would add {count} contacts", added),
            _("would complete {count}").format(count=merged),
        ]
    else:
        parts = [
            ngettext("Added {count} contact", "Added {count} contacts", added),
            _("completed {count}").format(count=merged),
        ]
    parts[0] = parts[0].format(count=cells.count(added))
    if report.added:
        parts[0] += f" ({_some(report.added)})"
    if report.merged:
        parts[1] += f" ({_some(report.merged)})"
    parts.append(_("{count} already up to date").format(count=cells.count(report.skipped)))
    suffix = " " + _("(dry run: nothing was written)") if report.dry_run else ""
    summary = ngettext(
        "{clauses}, of {count} card or row.", "{clauses}, of {count} cards or rows.", report.rows
    ).format(clauses="; ".join(parts), count=cells.count(report.rows))
    if report.kept:
        summary += " " + _(
            "Kept what the ledger already had where the file says otherwise (organisation, "
            "email, note, needs or offers) for {names}; change it with 'wederkerig contact edit'."
        ).format(names=_some(report.kept))
    return summary + suffix


def merge_summary(merge: "Merge") -> str:
    moved = [
        ngettext("{count} entry", "{count} entries", merge.entries).format(
            count=cells.count(merge.entries)
        )
    ]
    if merge.tags:
        moved.append(_("tags {names}").format(names=_some(merge.tags)))
    if merge.aliases:
        moved.append(_("aliases {names}").format(names=_some(merge.aliases)))
    text = _("Merged '{absorbed}' into '{kept}': moved {moved}.").format(
        absorbed=merge.absorbed, kept=merge.kept, moved=", ".join(moved)
    )
    if merge.conflicts:
        text += " " + _(
            "Kept the values of '{kept}'; '{absorbed}' also had {fields} "
            "(now gone: set them with 'contact edit' if they were right)."
        ).format(kept=merge.kept, absorbed=merge.absorbed, fields=", ".join(merge.conflicts))
    return text


def diagnosis(facts: Sequence[tuple[str, str]], problems: Sequence[str], *, width: int) -> Group:
    """``doctor``: what it checked and found, then all is well or each problem in red."""
    columns = [cells.Col(_("Check"), style="dim"), cells.Col(_("Found"), wrap=True)]
    table = cells.fitted(width, columns, [[label, Text(value)] for label, value in facts])
    verdict = (
        Text(_("All is well."), style="green")
        if not problems
        else Text(
            "\n".join(_("Problem: {problem}").format(problem=problem) for problem in problems),
            style="red",
        )
    )
    return Group(table, verdict)
