"""``wederkerig contact …``: the people in the ledger."""

import functools
from pathlib import Path
from typing import Annotated

import typer

from wederkerig.cli.context import app_context, output_stream, show_listing, transaction
from wederkerig.cli.options import (
    FormatOption,
    TagOption,
    complete_contact,
    complete_group,
    complete_tag,
)
from wederkerig.core.dates import parse_cadence
from wederkerig.core.i18n import _
from wederkerig.core.vocabulary import ContactOrder
from wederkerig.formats.columns import CONTACT_COLUMNS, Format
from wederkerig.formats.writers import write_document
from wederkerig.render import console
from wederkerig.render import contacts as contacts_view
from wederkerig.render import summaries as summaries_view

app = typer.Typer(help=_("Add, list, show, edit and remove contacts."), no_args_is_help=True)

NameArgument = Annotated[
    str,
    typer.Argument(
        help=_("Full name, or an alias such as a first name."), autocompletion=complete_contact
    ),
]

NeedsOption = Annotated[
    str | None,
    typer.Option(
        "--needs",
        help=_("What they are looking for, in a few words ('' clears it); 'brief' matches it."),
    ),
]
OffersOption = Annotated[
    str | None,
    typer.Option(
        "--offers",
        help=_("What they can give others, in a few words ('' clears it); 'brief' matches it."),
    ),
]


@app.command("add", help=_("Add a contact. Names are unique, ignoring case and spacing."))
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=_("The contact's full name."))],
    org: Annotated[
        str | None, typer.Option("--org", help=_("Organisation they belong to."))
    ] = None,
    email: Annotated[
        str | None, typer.Option("--email", help=_("Their email address, to find them by."))
    ] = None,
    tag: Annotated[
        list[str] | None,
        typer.Option(
            "--tag", "-t", help=_("A label; repeat for more."), autocompletion=complete_tag
        ),
    ] = None,
    alias: Annotated[
        list[str] | None,
        typer.Option("--alias", "-a", help=_("Another name that finds them; repeat for more.")),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option("--note", help=_("A note for yourself: how you met, what they care about.")),
    ] = None,
    needs: NeedsOption = None,
    offers: OffersOption = None,
    group: Annotated[
        list[str] | None,
        typer.Option(
            "--group",
            "-g",
            help=_("Join this group; repeat for more."),
            autocompletion=complete_group,
        ),
    ] = None,
) -> None:
    from wederkerig.usecases.contacts import add_contact
    from wederkerig.usecases.groups import join_group

    with transaction(ctx, write=True) as session:
        card = add_contact(
            session,
            name,
            now=app_context(ctx).now(),
            organisation=org,
            email=email,
            tags=tag or (),
            aliases=alias or (),
            note=note,
            needs=needs,
            offers=offers,
        )
        for name_of_group in group or ():
            join_group(session, name_of_group, [card.name])
    console.message(_("Added contact '{name}'.").format(name=card.name))


@app.command("list", help=_("List contacts with their organisation, email, tags and aliases."))
def list_(
    ctx: typer.Context,
    tag: TagOption = None,
    org: Annotated[
        str | None, typer.Option("--org", help=_("Only contacts whose organisation contains this."))
    ] = None,
    order: Annotated[
        ContactOrder,
        typer.Option(
            "--sort",
            "-s",
            case_sensitive=False,
            help=_("name; last: longest out of touch first; net: gave most more first."),
        ),
    ] = ContactOrder.NAME,
    output_format: FormatOption = Format.TABLE,
) -> None:
    from wederkerig.usecases.contacts import contact_list

    with transaction(ctx) as session:
        listed = contact_list(session, tag=tag, organisation=org, order=order)
    show_listing(
        output_format,
        CONTACT_COLUMNS,
        listed if output_format is Format.TABLE else [one.card for one in listed],
        functools.partial(contacts_view.contacts_table, order=order),
        _("No contacts match: see them all with 'wederkerig contact list'.")
        if tag or org
        else _("No contacts yet: add one with 'wederkerig contact add NAME'."),
    )


@app.command("show", help=_("Show one contact and the span of your history with them."))
def show(ctx: typer.Context, name: NameArgument) -> None:
    from wederkerig.usecases.contacts import show_contact

    with transaction(ctx) as session:
        summary = show_contact(session, name, today=app_context(ctx).today)
    console.show(contacts_view.contact_summary, summary)


@app.command(
    "edit",
    help=_(
        "Change a contact's name, organisation, email, note, needs, offers, tags, aliases "
        "or cadence."
    ),
)
def edit(
    ctx: typer.Context,
    name: NameArgument,
    new_name: Annotated[str | None, typer.Option("--name", help=_("Rename the contact."))] = None,
    org: Annotated[
        str | None, typer.Option("--org", help=_("New organisation ('' clears it)."))
    ] = None,
    email: Annotated[
        str | None, typer.Option("--email", help=_("New email address ('' clears it)."))
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help=_("New note ('' clears it)."))] = None,
    needs: NeedsOption = None,
    offers: OffersOption = None,
    tag: Annotated[
        list[str] | None,
        typer.Option("--tag", "-t", help=_("Add a tag."), autocompletion=complete_tag),
    ] = None,
    untag: Annotated[
        list[str] | None,
        typer.Option("--untag", help=_("Remove a tag."), autocompletion=complete_tag),
    ] = None,
    alias: Annotated[
        list[str] | None, typer.Option("--alias", "-a", help=_("Add an alias."))
    ] = None,
    unalias: Annotated[
        list[str] | None, typer.Option("--unalias", help=_("Remove an alias."))
    ] = None,
    every: Annotated[
        str | None,
        typer.Option(
            "--every",
            metavar="SPAN",
            help=_("Stay in touch this often: 90d, 6w, 3m; 'none' clears."),
        ),
    ] = None,
) -> None:
    from wederkerig.usecases.cadence import set_contact_cadence
    from wederkerig.usecases.contacts import edit_contact

    every_days = parse_cadence(every) if every is not None else None
    with transaction(ctx, write=True) as session:
        if every is not None:
            set_contact_cadence(session, name, every_days)
        card = edit_contact(
            session,
            name,
            name=new_name,
            organisation=org,
            email=email,
            note=note,
            needs=needs,
            offers=offers,
            add_tags=tag or (),
            remove_tags=untag or (),
            add_aliases=alias or (),
            remove_aliases=unalias or (),
        )
    console.message(_("Updated contact '{name}'.").format(name=card.name))


@app.command("rm", help=_("Remove a contact that has no entries."))
def remove(ctx: typer.Context, name: NameArgument) -> None:
    from wederkerig.usecases.contacts import remove_contact

    with transaction(ctx, write=True) as session:
        card = remove_contact(session, name)
    console.message(_("Removed contact '{name}'.").format(name=card.name))


@app.command(
    "export",
    help=_("Everything stored about one person, as JSON: the answer to a subject-access request."),
)
def export_person(
    ctx: typer.Context,
    name: NameArgument,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=_("Write to FILE (private, 0600)."))
    ] = None,
) -> None:
    from wederkerig.usecases.privacy import person_record

    with transaction(ctx) as session:
        record = person_record(session, name)
    document = {
        "contact": record.contact,
        "entries": [row._asdict() for row in record.entries],
        "mentioned_in": [row._asdict() for row in record.mentioned_in],
        "dropped_reasons": {str(entry_id): why for entry_id, why in record.dropped_reasons.items()},
        "introductions": [row._asdict() for row in record.introductions],
    }
    with output_stream(output) as stream:
        write_document(stream, document)


@app.command(
    "merge",
    help=_(
        "Fold contact B into A: B's entries, tags and aliases move to A, and B's name becomes "
        "an alias of A. A's own fields stay; B's fill only those A left empty."
    ),
)
def merge(
    ctx: typer.Context,
    keep: Annotated[
        str,
        typer.Argument(
            metavar="A", help=_("The contact to keep."), autocompletion=complete_contact
        ),
    ],
    absorb: Annotated[
        str,
        typer.Argument(
            metavar="B", help=_("The contact folded into A."), autocompletion=complete_contact
        ),
    ],
) -> None:
    from wederkerig.usecases.merging import merge_contacts

    with transaction(ctx, write=True) as session:
        merged = merge_contacts(session, keep, absorb)
    console.message(summaries_view.merge_summary(merged))
