"""Helpers shared by the network add-ons that are not models."""

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal

from odoo import Command, _

# Plural categories in the order the forms of a word are written (Unicode CLDR).
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


def plural(env, count, forms):
    """``count`` and the form of the word that goes with it in the user's language. Odoo's
    ``_()`` has no plural forms, so ``forms`` is a translated string of the word's forms joined
    by «|», in CLDR order among those the language has: «teacher|teachers» in English,
    «педагог|педагога|педагогов|педагога» in Russian (one, few, many, other)."""
    forms = forms.split("|")
    try:
        rule = Locale.parse(env.lang or "en_US").plural_form
    except (ValueError, UnknownLocaleError):
        rule = Locale("en").plural_form
    categories = [c for c in PLURAL_CATEGORIES if c in rule.tags or c == "other"]
    index = categories.index(rule(count))
    return f"{count} {forms[min(index, len(forms) - 1)]}"


def format_hours(env, hours):
    """A duration in hours as people write it: «2 ч», «1,5 ч» (not Odoo's «2,0 h»)."""
    try:
        number = format_decimal(hours, format="#,##0.##", locale=env.lang or "en_US")
    except (ValueError, UnknownLocaleError):
        number = f"{hours:g}"
    return _("%s h", number)


def notification(message, kind="success"):
    """A web client notification (``kind``: success, info, warning, danger) that reloads the
    view under it: the answer of a button that changed something, or found nothing to do."""
    return {
        "type": "ir.actions.client",
        "tag": "display_notification",
        "params": {
            "message": message,
            "type": kind,
            "next": {"type": "ir.actions.client", "tag": "soft_reload"},
        },
    }


def notify(template, records, recipients):
    """Queue ``template`` rendered on each of ``records`` to ``recipients(record)`` (partners;
    those without an email are skipped), one mail per record and language of the recipients,
    so that each reads it in their own. The mail queue's cron sends them. No notification
    layout: its «Your <document>» header does not agree in Russian."""
    for record in records:
        partners = recipients(record).filtered("email")
        for lang, group in partners.grouped("lang").items():
            template.with_context(lang=lang or record.env.lang).send_mail(
                record.id,
                email_values={"recipient_ids": [Command.set(group.ids)]},
            )
